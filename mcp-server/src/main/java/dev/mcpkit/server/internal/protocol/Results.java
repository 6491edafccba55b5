package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Pagination of list results, and the {@code _meta} key that names the server in a result. */
final class Results {
  static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  private Results() {}

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
