package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Lifecycle.ClientCapabilities;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.core.schema.Logging.LoggingLevel;

/**
 * Keys MCP reserves in {@code _meta}, and a typed view of the ones a 2026-07-28 request carries.
 * Keys with an {@code io.modelcontextprotocol/} prefix are reserved for the protocol.
 */
public final class Meta {
  /** Request: token for {@code notifications/progress} (every version). */
  public static final String PROGRESS_TOKEN = "progressToken";
  /** Request (2026-07-28, required): the protocol version; must match the HTTP header. */
  public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
  /** Request (2026-07-28): the client's {@link Implementation}. */
  public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  /** Request (2026-07-28, required): the client's {@link ClientCapabilities} for this request. */
  public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  /** Request (2026-07-28): the lowest level to log for this request; absent means no logging. */
  public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  /** Result (2026-07-28): the server's {@link Implementation}. */
  public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
  /** Notification and listen result (2026-07-28): id of the subscription's listen request. */
  public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
  /** Any message (2025-11-25): the {@link Tasks.RelatedTask} it belongs to. */
  public static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

  private Meta() {}

  /**
   * The per-request keys of 2026-07-28 (plus {@code progressToken}); any may be {@code null}. A
   * request must carry at least the protocol version and the client capabilities.
   */
  public record Request(
      String protocolVersion,
      ClientCapabilities clientCapabilities,
      Implementation clientInfo,
      LoggingLevel logLevel,
      JsonNode progressToken) {

    /** The two required keys. */
    public static Request of(ProtocolVersion version, ClientCapabilities capabilities) {
      return new Request(version.id(), capabilities, null, null, null);
    }

    /**
     * Reads the keys from a {@code _meta} object ({@code null} reads as all absent).
     *
     * @throws IllegalArgumentException naming the key whose value has the wrong shape
     */
    public static Request read(ObjectNode meta) {
      if (meta == null) {
        return new Request(null, null, null, null, null);
      }
      JsonNode version = meta.get(PROTOCOL_VERSION);
      if (version != null && !version.isTextual()) {
        throw new IllegalArgumentException(PROTOCOL_VERSION + " must be a string, got " + version);
      }
      return new Request(
          version == null ? null : version.asText(),
          read(meta, CLIENT_CAPABILITIES, ClientCapabilities.class),
          read(meta, CLIENT_INFO, Implementation.class),
          read(meta, LOG_LEVEL, LoggingLevel.class),
          meta.get(PROGRESS_TOKEN));
    }

    /** A copy of {@code meta} (or a new object) with this record's non-null keys set. */
    public ObjectNode writeTo(ObjectNode meta) {
      ObjectNode out = meta == null ? McpJson.object() : meta.deepCopy();
      if (protocolVersion != null) {
        out.put(PROTOCOL_VERSION, protocolVersion);
      }
      putIfPresent(out, CLIENT_INFO, clientInfo);
      putIfPresent(out, CLIENT_CAPABILITIES, clientCapabilities);
      putIfPresent(out, LOG_LEVEL, logLevel);
      if (progressToken != null) {
        out.set(PROGRESS_TOKEN, progressToken);
      }
      return out;
    }

    /** A new {@code _meta} object with this record's non-null keys. */
    public ObjectNode toMeta() {
      return writeTo(null);
    }

    private static <T> T read(ObjectNode meta, String key, Class<T> type) {
      JsonNode value = meta.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      try {
        return McpJson.fromTree(value, type);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("_meta " + key + ": " + e.getMessage(), e);
      }
    }

    private static void putIfPresent(ObjectNode meta, String key, Object value) {
      if (value != null) {
        meta.set(key, McpJson.toTree(value));
      }
    }
  }

  /** The server info a 2026-07-28 result carries in {@code _meta}, or {@code null}. */
  public static Implementation serverInfo(ObjectNode meta) {
    JsonNode value = meta == null ? null : meta.get(SERVER_INFO);
    return value == null || value.isNull() ? null : McpJson.fromTree(value, Implementation.class);
  }

  /** A copy of {@code meta} (or a new object) with the server info set. */
  public static ObjectNode withServerInfo(ObjectNode meta, Implementation serverInfo) {
    ObjectNode out = meta == null ? McpJson.object() : meta.deepCopy();
    out.set(SERVER_INFO, McpJson.toTree(serverInfo));
    return out;
  }
}
