/**
 * Benchmarks of mcp-policy: the permission decision over a large directory and registry. The
 * governed-call overhead benchmark needs a real mcp-server and lives in mcp-policy's tests.
 */
package dev.mcpkit.benchmarks.policy;
