/** Implementation of the explorer page; not part of the API. */
package dev.mcpkit.server.explorer.internal;
