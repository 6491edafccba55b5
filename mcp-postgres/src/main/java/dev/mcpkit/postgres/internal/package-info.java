/** The stores, the schema migrations and the JDBC plumbing behind {@code McpPostgres}; not API. */
package dev.mcpkit.postgres.internal;
