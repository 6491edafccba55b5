/**
 * What a host implements to keep server state outside the JVM: the {@link
 * dev.mcpkit.server.spi.SessionStore}, the {@link dev.mcpkit.server.spi.EventStore} and the {@link
 * dev.mcpkit.server.spi.TaskStore}. Each comes with an in-memory default and an abstract contract
 * test in the mcp-server test-jar.
 */
package dev.mcpkit.server.spi;
