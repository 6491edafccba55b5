/**
 * Several conformance-server processes on one PostgreSQL behind a round-robin proxy without
 * session affinity, for running the official conformance suites through the proxy
 * ({@code .ci/conformance-cluster}).
 */
package dev.mcpkit.examples.cluster;
