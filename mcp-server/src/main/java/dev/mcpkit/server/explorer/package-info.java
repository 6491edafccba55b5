/**
 * The explorer page: a browser view of an MCP server for its operator, listing the exposed tools
 * (and those rejected, with the reason), running them through the real endpoint, and giving
 * ready-to-paste connection snippets.
 *
 * <p>The server builds an {@link dev.mcpkit.server.explorer.ExplorerModel}, then answers a browser
 * {@code GET} on the endpoint URL (see {@link dev.mcpkit.server.explorer.ExplorerPage#wantsPage})
 * with {@link dev.mcpkit.server.explorer.ExplorerPage#render} and
 * {@link dev.mcpkit.server.explorer.ExplorerPage#headers}, behind the endpoint's own
 * authentication. Everything the page needs is inlined from this jar; nothing is loaded from
 * elsewhere.
 */
package dev.mcpkit.server.explorer;
