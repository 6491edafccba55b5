package dev.mcpkit.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a 2026-07-28 request says about its client in {@code _meta}.
 *
 * @param protocolVersion the request's protocol version
 * @param clientCapabilities the declared capabilities
 * @param clientInfo the client's identity, or null
 * @param logLevel the requested log level, or null (no log messages may be sent)
 */
public record StatelessMeta(String protocolVersion, ObjectNode clientCapabilities,
    ObjectNode clientInfo, String logLevel) {}
