package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shaping rules behind {@link ProtocolRevision#shapeResult} and {@link
 * ProtocolRevision#shapeParams}: fits a serialised message to one protocol version. Records
 * carry the union of all versions' fields:
 *
 * <ul>
 *   <li>fields the version does not define are removed, at any depth ({@code title}, {@code
 *       icons}, {@code outputSchema}, {@code structuredContent}, {@code execution}, {@code
 *       resultType}, ...);
 *   <li>content blocks the version does not know become text: a resource link its {@code name
 *       <uri>}, other kinds a short note;
 *   <li>structured content and output schemas that are not objects are dropped before 2026-07-28;
 *   <li>2026-07-28 server results get {@code resultType: "complete"} and list/read/discover
 *       results {@code ttlMs: 0} and {@code cacheScope: "private"} (never served stale, never
 *       shared) when absent;
 *       2026-07-28 client requests get the required {@code _meta} keys (this version, and empty
 *       capabilities when none were given); older versions lose the 2026 reserved {@code _meta}
 *       keys.
 * </ul>
 *
 * <p>The input is not modified, except by {@link #adaptOwnedResult}, which is given a tree its
 * caller owns. Unknown methods get only the rules every message follows.
 */
final class Shapes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> REQUEST_META_2026 = List.of(Meta.PROTOCOL_VERSION,
      Meta.CLIENT_INFO, Meta.CLIENT_CAPABILITIES, Meta.LOG_LEVEL, Meta.SUBSCRIPTION_ID);
  private static final List<String> RESULT_META_2026 = List.of(Meta.SERVER_INFO,
      Meta.SUBSCRIPTION_ID);

  /** {@code "X[]"} and {@code "X{}"} to {@code "X"}, made once per shape name. */
  private static final Map<String, String> ELEMENT_SHAPES = new ConcurrentHashMap<>();

  private Shapes() {}

  private static String elementShape(String shape) {
    return shape.substring(0, shape.length() - 2);
  }

  /**
   * Params of a request or notification, adapted to {@code version}; {@code null} params stay
   * {@code null} unless the version requires them (2026-07-28 client requests).
   */
  static ObjectNode adaptParams(ProtocolVersion version, String method, JsonNode params) {
    ObjectNode out = params == null || params.isNull()
        ? null : copyOf(params, "params of " + method);
    boolean clientRequest = !Methods.isNotification(method)
        && !WireShapes.SERVER_TO_CLIENT.contains(method);
    if (version.isStateless() && clientRequest) {
      out = out == null ? JSON.objectNode() : out;
      ObjectNode meta = out.withObjectProperty("_meta");
      if (!meta.has(Meta.PROTOCOL_VERSION)) {
        meta.put(Meta.PROTOCOL_VERSION, version.id());
      }
      if (!meta.has(Meta.CLIENT_CAPABILITIES)) {
        meta.set(Meta.CLIENT_CAPABILITIES, JSON.objectNode());
      }
      adaptField(meta, Meta.CLIENT_CAPABILITIES, "ClientCapabilities", version);
      adaptField(meta, Meta.CLIENT_INFO, "Implementation", version);
    }
    if (out == null) {
      return null;
    }
    if (!version.isStateless()) {
      removeMetaKeys(out, REQUEST_META_2026);
    }
    return (ObjectNode) adapt(out, WireShapes.method(method).params(), version);
  }

  /**
   * A result, adapted to {@code version}.
   *
   * @throws IllegalArgumentException for an input-required result and a version before 2026-07-28
   */
  static ObjectNode adaptResult(ProtocolVersion version, String method, JsonNode result) {
    return adaptOwnedResult(version, method, copyOf(result, "result of " + method));
  }

  /** As {@link #adaptResult}, changing {@code out} itself where it can; returns the result. */
  static ObjectNode adaptOwnedResult(ProtocolVersion version, String method, ObjectNode out) {
    WireShapes.MethodShapes shapes = WireShapes.method(method);
    String shape = shapes.result();
    boolean inputRequired = Base.ResultType.INPUT_REQUIRED.equals(out.path("resultType").asText());
    if (inputRequired) {
      if (!version.hasInputRequired()) {
        throw new IllegalArgumentException("an input_required result of " + method
            + " cannot be sent with protocol " + version + "; it exists from 2026-07-28 on");
      }
      shape = "InputRequiredResult";
    } else if (out.path("task").isObject() && !out.has("content")) {
      shape = "CreateTaskResult";
    }
    boolean clientResult = WireShapes.SERVER_TO_CLIENT.contains(method);
    if (version.requiresResultType() && !clientResult) {
      if (!out.has("resultType")) {
        out.put("resultType", Base.ResultType.COMPLETE);
      }
      if (shapes.cacheable() && !inputRequired) {
        if (!out.has("ttlMs")) {
          out.put("ttlMs", 0);
        }
        if (!out.has("cacheScope")) {
          out.put("cacheScope", Base.CacheScope.PRIVATE.wire());
        }
      }
      JsonNode meta = out.get("_meta");
      if (meta instanceof ObjectNode metaObject) {
        adaptField(metaObject, Meta.SERVER_INFO, "Implementation", version);
      }
    } else if (!version.requiresResultType()) {
      out.remove(List.of("resultType", "ttlMs", "cacheScope"));
      removeMetaKeys(out, RESULT_META_2026);
    }
    return (ObjectNode) adapt(out, shape, version);
  }

  private static ObjectNode copyOf(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object, got " + node);
    }
    return node.deepCopy();
  }

  /** Adapts {@code node} (owned by the caller, changed in place) to a shape; returns the result. */
  private static JsonNode adapt(JsonNode node, String shape, ProtocolVersion version) {
    if (node == null || node.isNull()) {
      return node;
    }
    if (shape.endsWith("[]")) {
      String item = ELEMENT_SHAPES.computeIfAbsent(shape, Shapes::elementShape);
      if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          array.set(i, adapt(array.get(i), item, version));
        }
        return array;
      }
      return adapt(node, item, version);
    }
    if (shape.endsWith("{}")) {
      String item = ELEMENT_SHAPES.computeIfAbsent(shape, Shapes::elementShape);
      if (node instanceof ObjectNode map) {
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
          entry.setValue(adapt(entry.getValue(), item, version));
        }
      }
      return node;
    }
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    if (shape.equals("ContentBlock")) {
      object = downgradeContent(object, version);
    }
    String concrete = concreteShape(shape, object);
    for (WireShapes.Rule rule : WireShapes.rules(concrete)) {
      JsonNode value = object.get(rule.field());
      if (value == null) {
        continue;
      }
      if (!rule.existsIn(version) || failsCheck(rule.check(), value, version)) {
        object.remove(rule.field());
      } else if (rule.nested() != null) {
        object.set(rule.field(), adapt(value, rule.nested(), version));
      }
    }
    return object;
  }

  /** Resolves the shapes that are unions to the member this object is. */
  private static String concreteShape(String shape, ObjectNode node) {
    switch (shape) {
      case "ContentBlock":
        return WireShapes.CONTENT_SHAPES.getOrDefault(node.path("type").asText(), "Plain");
      case "Reference":
        return Completions.PromptReference.TYPE.equals(node.path("type").asText())
            ? "PromptReference" : "Plain";
      case "ElicitParams":
        return Elicitation.UrlParams.MODE.equals(node.path("mode").asText())
            ? "ElicitUrlParams" : "ElicitFormParams";
      case "PrimitiveSchema":
        return "boolean".equals(node.path("type").asText()) ? "Plain" : "ValueSchema";
      case "InputRequest":
        String method = node.path("method").asText();
        return method.equals(Methods.SAMPLING_CREATE_MESSAGE) ? "CreateMessageRequest"
            : method.equals(Methods.ELICITATION_CREATE) ? "ElicitRequest" : "Plain";
      case "InputResponse":
        return node.has("action") ? "ElicitResult"
            : node.has("roots") ? "ListRootsResult" : "CreateMessageResult";
      default:
        return shape;
    }
  }

  /** A block of a kind the version predates, as text; others unchanged. */
  private static ObjectNode downgradeContent(ObjectNode block, ProtocolVersion version) {
    String type = block.path("type").asText();
    ProtocolVersion since = WireShapes.CONTENT_SINCE.get(type);
    if (since == null || version.isAtLeast(since)) {
      return block;
    }
    String text = type.equals(Content.ResourceLink.TYPE)
        ? block.path("name").asText() + " <" + block.path("uri").asText() + ">"
        : "[" + type + " content omitted: not supported by MCP " + version + "]";
    return (ObjectNode) McpJson.toTree(new Content.Text(text));
  }

  private static boolean failsCheck(WireShapes.Check check, JsonNode value, ProtocolVersion v) {
    if (v.allowsNonObjectStructuredContent()) {
      return false;
    }
    switch (check) {
      case OBJECT_BEFORE_2026:
        return !value.isObject();
      case OBJECT_SCHEMA_BEFORE_2026:
        return !value.isObject() || !"object".equals(value.path("type").asText());
      default:
        return false;
    }
  }

  private static void adaptField(ObjectNode node, String field, String shape, ProtocolVersion v) {
    JsonNode value = node.get(field);
    if (value != null) {
      node.set(field, adapt(value, shape, v));
    }
  }

  private static void removeMetaKeys(ObjectNode message, List<String> keys) {
    if (message.get("_meta") instanceof ObjectNode meta) {
      meta.remove(keys);
      if (meta.isEmpty()) {
        message.remove("_meta");
      }
    }
  }
}
