/**
 * JSON-RPC 2.0: the sealed message model, request ids kept as sent, error codes, and the codec that
 * rejects what is not JSON-RPC with the right error.
 */
package dev.mcpkit.core.jsonrpc;
