package dev.mcpkit.core.jsonrpc;

/**
 * One JSON-RPC 2.0 message: a request, a notification, or a response (result or error).
 * Parameters and results are JSON trees; typed MCP records convert to and from them.
 */
public sealed interface JsonRpcMessage
    permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse {}
