/**
 * OpenTelemetry for mcpkit: client and server spans and metrics as the OpenTelemetry semantic
 * conventions for MCP define them, W3C trace context in each request's {@code params._meta}, and
 * governance decisions on the span. Start with {@link dev.mcpkit.opentelemetry.McpTelemetry}.
 */
package dev.mcpkit.opentelemetry;
