/** Servlet-adapter internals: not API, may change in any release. */
package dev.mcpkit.server.servlet.internal;
