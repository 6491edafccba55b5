package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.transport.HttpOptions;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.transport.McpTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a connection needs, gathered by the client's builder.
 *
 * @param clientInfo the {@code Implementation} object sent to the server
 * @param capabilities the client capabilities declared
 * @param transports the transports to try, in order; each supplier makes a new unstarted one
 * @param http HTTP options, for messages
 * @param timeout the default request timeout
 * @param pinnedVersion the only protocol version to speak, or null to negotiate
 * @param handlers what the client answers when the server asks (session protocol)
 * @param inputHandlers the same answers for 2026-07-28 input requests, by method
 * @param interceptors core interceptors around every request
 * @param events the engine's event listener
 * @param maxInputRounds how many {@code input_required} rounds one call may take
 * @param listenForChanges whether to open a {@code subscriptions/listen} stream (stateless protocol)
 * @param executor where asynchronous calls, server requests and the listen stream run, or null for
 *     the shared default (virtual threads on Java 21+, a shared daemon pool on 17)
 */
public record ClientConfig(
    ObjectNode clientInfo,
    ObjectNode capabilities,
    List<TransportChoice> transports,
    HttpOptions http,
    Duration timeout,
    String pinnedVersion,
    MethodHandlers handlers,
    Map<String, InputHandler> inputHandlers,
    List<McpInterceptor> interceptors,
    McpEventListener events,
    int maxInputRounds,
    boolean listenForChanges,
    java.util.concurrent.Executor executor,
    java.util.concurrent.ScheduledExecutorService timer) {

  /**
   * One transport to try.
   *
   * @param description for messages, e.g. "streamable-http http://host/mcp"
   * @param factory makes a new unstarted transport
   * @param fallbackToNext whether a refused POST (400/404/405) moves on to the next choice
   */
  public record TransportChoice(String description, Supplier<? extends McpTransport> factory,
      boolean fallbackToNext) {}

  /** Answers one kind of server request from its params. */
  @FunctionalInterface
  public interface InputHandler {
    JsonNode handle(JsonNode params) throws Exception;
  }
}
