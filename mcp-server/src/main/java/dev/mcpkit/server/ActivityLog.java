package dev.mcpkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.SessionState;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-side activity log: one {@link Entry} per request the server answered (who, which tool,
 * with which arguments, how it ended, how long it took), with secrets redacted from the arguments
 * before anything is recorded. Install it with {@code McpServer.builder().listener(...)}.
 *
 * <p>Values are redacted when their key looks like a secret ({@code password}, {@code secret},
 * {@code token}, {@code api_key}, {@code authorization}, {@code credential}, {@code cookie}, ...)
 * at any depth; pass another pattern to {@link #to(Consumer, Pattern)} to change that.
 */
public final class ActivityLog implements McpEventListener {
  /** Keys whose values never reach the log (case-insensitive, anywhere in the key). */
  public static final Pattern DEFAULT_SECRETS = Pattern.compile(
      "(?i).*(password|passwd|secret|token|api[_-]?key|authorization|credential|cookie|"
          + "private[_-]?key|session[_-]?id).*");
  static final String REDACTED = "[REDACTED]";
  private static final Logger LOG = LoggerFactory.getLogger("dev.mcpkit.server.activity");

  private final Consumer<Entry> sink;
  private final Pattern secrets;

  private ActivityLog(Consumer<Entry> sink, Pattern secrets) {
    this.sink = sink;
    this.secrets = secrets;
  }

  /** Logs entries at INFO to the SLF4J logger {@code dev.mcpkit.server.activity}. */
  public static ActivityLog toSlf4j() {
    return new ActivityLog(e -> LOG.info("{}", e), DEFAULT_SECRETS);
  }

  /** Hands every entry to {@code sink} (called on the request's thread; keep it fast). */
  public static ActivityLog to(Consumer<Entry> sink) {
    return to(sink, DEFAULT_SECRETS);
  }

  public static ActivityLog to(Consumer<Entry> sink, Pattern secretKeys) {
    return new ActivityLog(Objects.requireNonNull(sink, "sink"),
        Objects.requireNonNull(secretKeys, "secretKeys"));
  }

  /**
   * One answered request.
   *
   * @param tool the tool called, or null for other methods
   * @param arguments the tool's arguments (or the params of other methods), secrets redacted
   * @param outcome {@code ok}, {@code tool_error} (an {@code isError} result), {@code error} (a
   *     JSON-RPC error) or {@code cancelled}
   * @param detail the error message, or the cancellation reason, or null
   */
  public record Entry(Instant at, String method, String tool, String subject, String session,
      JsonNode arguments, String outcome, String detail, long durationMillis) {
    @Override
    public String toString() {
      return method + (tool == null ? "" : " " + tool) + " by " + subject
          + (session == null ? "" : " (session " + session + ")") + ": " + outcome
          + (detail == null ? "" : " (" + detail + ")") + " in " + durationMillis + " ms"
          + (arguments == null ? "" : ", arguments " + arguments);
    }
  }

  @Override
  public void requestSucceeded(RequestInfo request, JsonNode result, long durationNanos) {
    if (request.direction() == Direction.INBOUND) {
      boolean failed = result != null && result.path("isError").asBoolean(false);
      record(request, failed ? "tool_error" : "ok", failed ? firstText(result) : null,
          durationNanos);
    }
  }

  @Override
  public void requestFailed(RequestInfo request, JsonRpcError error, long durationNanos) {
    if (request.direction() == Direction.INBOUND) {
      record(request, "error", error.code() + " " + error.message(), durationNanos);
    }
  }

  @Override
  public void requestCancelled(RequestInfo request, String reason) {
    if (request.direction() == Direction.INBOUND) {
      record(request, "cancelled", reason, -1);
    }
  }

  private void record(RequestInfo request, String outcome, String detail, long nanos) {
    JsonNode params = request.params();
    boolean toolCall = "tools/call".equals(request.method());
    String tool = toolCall && params != null ? params.path("name").asText(null) : null;
    JsonNode args = toolCall ? params == null ? null : params.get("arguments") : params;
    McpPrincipal principal = request.attributes() == null ? null
        : request.attributes().get(Keys.PRINCIPAL);
    SessionState session = request.attributes() == null ? null
        : request.attributes().get(Keys.SESSION);
    String sessionId = session == null || session.id() == null ? null
        : session.id().substring(0, Math.min(6, session.id().length()));
    sink.accept(new Entry(Instant.now(), request.method(), tool,
        principal == null ? McpPrincipal.ANONYMOUS.subject() : principal.subject(), sessionId,
        redact(args), outcome, detail, nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos)));
  }

  /** A copy of {@code node} with the values of secret-looking keys replaced. */
  JsonNode redact(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node instanceof ObjectNode o) {
      ObjectNode copy = McpJson.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (secrets.matcher(e.getKey()).matches()) {
          copy.put(e.getKey(), REDACTED);
        } else {
          copy.set(e.getKey(), redact(e.getValue()));
        }
      }
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = McpJson.mapper().createArrayNode();
      a.forEach(e -> copy.add(redact(e)));
      return copy;
    }
    return node;
  }

  private static String firstText(JsonNode result) {
    JsonNode content = result.path("content");
    return content.isArray() && !content.isEmpty() ? content.get(0).path("text").asText(null)
        : null;
  }
}
