/**
 * The protocol engine shared by client and server: request ids, correlation, timeouts, cancellation,
 * progress, dispatch to handlers, one interceptor chain and one event listener.
 */
package dev.mcpkit.core.engine;
