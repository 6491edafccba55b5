package dev.mcpkit.client.internal;

/**
 * One server-sent event as dispatched by {@link SseReader}.
 *
 * @param id the event id, or null when the event carried none
 * @param event the event type ({@code message} when the stream named none)
 * @param data the data lines joined with {@code \n}; empty for a priming event
 * @param retry the reconnection delay in milliseconds the server asked for, or -1
 */
public record SseEvent(String id, String event, String data, long retry) {}
