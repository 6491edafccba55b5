/** Sessions: the in-memory stores and the live state of each session. Not API. */
package dev.mcpkit.server.internal.session;
