/**
 * PostgreSQL implementations of every mcpkit store, so that several instances of a host behind a load
 * balancer share sessions, events, credentials, governance state and the activity log. Start with
 * {@link dev.mcpkit.postgres.McpPostgres}.
 */
package dev.mcpkit.postgres;
