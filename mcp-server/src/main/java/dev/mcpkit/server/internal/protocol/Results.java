package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.RequestHandler;
import dev.mcpkit.core.json.McpJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Shaping results: pagination, and what 2026-07-28 adds to every result. */
final class Results {
  static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  private Results() {}

  /**
   * For 2026-07-28: every result gets {@code resultType} and the server's identity in {@code
   * _meta}; cacheable ones also get {@code ttlMs} and {@code cacheScope}.
   */
  static RequestHandler stateless(ServerCore core, RequestHandler handler, boolean cacheable) {
    return (ctx, params) -> {
      JsonNode r = handler.handle(ctx, params);
      ObjectNode result = r instanceof ObjectNode o ? o : McpJson.object();
      boolean complete = !result.has("resultType");
      if (complete) {
        result.put("resultType", "complete");
      }
      if (cacheable && (complete || "complete".equals(result.path("resultType").asText()))) {
        result.put("ttlMs", core.config().cacheTtlMillis());
        result.put("cacheScope", core.config().cacheScope().wire());
      }
      JsonNode meta = result.get("_meta");
      ObjectNode m = meta instanceof ObjectNode o ? o : result.putObject("_meta");
      m.set(SERVER_INFO, core.serverInfo());
      return result;
    };
  }

  /**
   * One page of {@code items} after {@code cursor} into {@code result[field]}, with {@code
   * nextCursor} when more follow. Cursors name the last item of the previous page, so a page is
   * stable while items are added or removed elsewhere.
   */
  static <T> ObjectNode page(List<T> items, JsonNode params, int pageSize, String field,
      Function<T, String> key, Function<T, JsonNode> json) {
    String after = null;
    JsonNode cursor = params == null ? null : params.get("cursor");
    if (cursor != null && !cursor.isNull()) {
      if (!cursor.isTextual()) {
        throw McpProtocolException.invalidParams("Invalid params: cursor must be the string a"
            + " previous page returned as nextCursor");
      }
      try {
        after = new String(Base64.getUrlDecoder().decode(cursor.textValue()),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw McpProtocolException.invalidParams("Invalid params: unknown cursor; use the"
            + " nextCursor of a previous page, or none for the first page");
      }
    }
    ObjectNode result = McpJson.object();
    ArrayNode array = result.putArray(field);
    int count = 0;
    T last = null;
    boolean more = false;
    for (T item : items) {
      if (after != null && key.apply(item).compareTo(after) <= 0) {
        continue;
      }
      if (count == pageSize) {
        more = true;
        break;
      }
      array.add(json.apply(item));
      last = item;
      count++;
    }
    if (more) {
      result.put("nextCursor", Base64.getUrlEncoder().withoutPadding()
          .encodeToString(key.apply(last).getBytes(StandardCharsets.UTF_8)));
    }
    return result;
  }
}
