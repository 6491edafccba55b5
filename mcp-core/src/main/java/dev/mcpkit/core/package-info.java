/** The protocol core: JSON-RPC messages, MCP types, codec, protocol engine, transport SPI. */
package dev.mcpkit.core;
