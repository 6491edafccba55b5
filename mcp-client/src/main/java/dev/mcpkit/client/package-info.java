/**
 * The MCP client: {@link dev.mcpkit.client.McpClient} and its builder, the choice of transport
 * ({@link dev.mcpkit.client.ClientTransport}), the handlers for what a server may ask
 * ({@link dev.mcpkit.client.SamplingHandler}, {@link dev.mcpkit.client.ElicitationHandler},
 * {@link dev.mcpkit.client.RootsProvider}) and the {@link dev.mcpkit.client.ClientListener} for what
 * it announces. The threading model is described on {@link dev.mcpkit.client.McpClient}.
 */
package dev.mcpkit.client;
