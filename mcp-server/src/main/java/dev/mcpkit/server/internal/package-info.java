/** The server's implementation: not API, may change without notice. */
package dev.mcpkit.server.internal;
