package dev.mcpkit.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.internal.ServerPeer;
import dev.mcpkit.server.internal.protocol.ServerCore;
import java.math.BigDecimal;

/**
 * One 2026-07-28 {@code subscriptions/listen} stream: the change notifications its client opted in
 * to, each tagged with the subscription id (the listen request's id).
 */
final class ListenStream implements ServerPeer {
  static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
  private final ServerCore core;
  private final McpEndpoint endpoint;
  private final RequestId id;
  private final SseChannel channel;
  private final ObjectNode honored;
  /** This stream's {@code _meta} as JSON, so that a broadcast encodes nothing per stream. */
  private final byte[] meta;

  ListenStream(ServerCore core, McpEndpoint endpoint, RequestId id, SseChannel channel,
      ObjectNode honored) {
    this.core = core;
    this.endpoint = endpoint;
    this.id = id;
    this.channel = channel;
    this.honored = honored;
    this.meta = encode(tag());
  }

  private static byte[] encode(ObjectNode node) {
    try {
      return McpJson.mapper().writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a tree of strings and numbers always encodes
    }
  }

  ServerCore core() {
    return core;
  }

  void acknowledge() {
    ObjectNode params = McpJson.object();
    params.set("notifications", honored);
    params.set("_meta", tag());
    send(new JsonRpcNotification("notifications/subscriptions/acknowledged", params));
  }

  @Override
  public void listChanged(String kind, String name) {
    String flag = kind + "ListChanged";
    if (!honored.path(flag).asBoolean(false)) {
      return;
    }
    if ("tools".equals(kind) && name != null && !endpoint.exposes(name)) {
      return;
    }
    channel.send(null, null, listChanged(kind, meta), 0);
  }

  /**
   * {@code {"jsonrpc":"2.0","method":"notifications/KIND/list_changed","params":{"_meta":META}}},
   * built from bytes: the same as encoding the notification, without a tree or an encoder.
   */
  static byte[] listChanged(String kind, byte[] meta) {
    byte[] head = ("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/" + kind
        + "/list_changed\",\"params\":{\"_meta\":").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + meta.length + 2];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(meta, 0, out, head.length, meta.length);
    out[out.length - 2] = '}';
    out[out.length - 1] = '}';
    return out;
  }

  @Override
  public void resourceUpdated(String uri) {
    JsonNode uris = honored.get("resourceSubscriptions");
    if (uris == null || !uris.isArray()) {
      return;
    }
    for (JsonNode u : uris) {
      if (uri.equals(u.asText())) {
        ObjectNode params = McpJson.object().put("uri", uri);
        params.set("_meta", tag());
        send(new JsonRpcNotification("notifications/resources/updated", params));
        return;
      }
    }
  }

  /** Ends the subscription gracefully with its result. */
  void end() {
    ObjectNode result = McpJson.object().put("resultType", "complete");
    ObjectNode meta = tag();
    meta.set("io.modelcontextprotocol/serverInfo", core.serverInfo());
    result.set("_meta", meta);
    send(JsonRpcResponse.result(id, result));
    channel.close();
  }

  private ObjectNode tag() {
    ObjectNode meta = McpJson.object();
    Object v = id.value();
    if (v instanceof String s) {
      meta.put(SUBSCRIPTION_ID, s);
    } else if (v instanceof Long l) {
      meta.put(SUBSCRIPTION_ID, l);
    } else {
      meta.put(SUBSCRIPTION_ID, new BigDecimal(v.toString()));
    }
    return meta;
  }

  private void send(JsonRpcMessage message) {
    channel.send(null, null, JsonRpcCodec.instance().encode(message), 0);
  }
}
