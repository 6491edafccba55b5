package dev.mcpkit.client;

import dev.mcpkit.client.transport.HttpStatusException;
import dev.mcpkit.client.transport.SessionTransport;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A transport as a host might write it outside the project, on the JDK's HTTP client: one POST
 * per message, JSON or SSE answers, the session id kept, and whatever headers the client hints.
 * It knows nothing of protocol versions.
 */
final class OwnHttpTransport implements SessionTransport {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI url;
  private volatile Listener listener;
  private volatile String sessionId;
  private volatile String version;
  private volatile Function<JsonRpcMessage, Map<String, String>> hints = m -> Map.of();

  OwnHttpTransport(String url) {
    this.url = URI.create(url);
  }

  @Override
  public void start(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JsonRpcCodec.instance().encode(message)));
    String session = sessionId;
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    if (version != null) {
      b.header("MCP-Protocol-Version", version);
    }
    hints.apply(message).forEach(b::header);
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (r.statusCode() == 404 && session != null) {
      throw new HttpStatusException("session expired", 404, url.toString(), true);
    }
    if (r.statusCode() >= 400) {
      throw new HttpStatusException("HTTP " + r.statusCode(), r.statusCode(), url.toString(),
          false);
    }
    r.headers().firstValue("Mcp-Session-Id").ifPresent(id -> sessionId = id);
    if (!(message instanceof JsonRpcRequest) || r.body().isEmpty()) {
      return;
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("text/event-stream")) {
      for (String line : r.body().split("\n")) {
        if (line.startsWith("data:") && line.length() > 5) {
          deliver(line.substring(5).trim());
        }
      }
    } else {
      deliver(r.body());
    }
  }

  private void deliver(String json) {
    listener.onMessage(JsonRpcCodec.instance().decode(json));
  }

  @Override
  public void close() {
    Listener l = listener;
    if (l != null) {
      l.onClose(null);
    }
  }

  @Override
  public void protocolVersion(String version) {
    this.version = version;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public void clearSession() {
    sessionId = null;
  }

  @Override
  public void headerHints(Function<JsonRpcMessage, Map<String, String>> hints) {
    this.hints = hints;
  }
}
