package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads results into protocol records; a result that does not fit is the server's fault. */
public final class Results {
  private Results() {}

  /**
   * @throws UncheckedIOException wrapping an {@link IOException} that names the method, the server
   *     and what did not fit (callers on the blocking path unwrap it)
   */
  public static <T> T read(JsonNode result, Class<T> type, String method, String server) {
    try {
      return McpJson.fromTree(result == null ? McpJson.object() : result, type);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException(server + " answered " + method
          + " with a result that is not a " + type.getSimpleName() + ": " + e.getMessage(), e));
    }
  }
}
