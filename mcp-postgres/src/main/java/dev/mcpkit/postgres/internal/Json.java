package dev.mcpkit.postgres.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;

/**
 * Records stored as {@code jsonb} documents: mcp-core's mapper, with instants and durations as ISO-8601
 * text so that a value read back equals the value written, to the nanosecond.
 */
final class Json {
  private static final ObjectMapper MAPPER = McpJson.mapper().copy()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private Json() {}

  static String write(Object value) throws IOException {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write a " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage());
    }
  }

  static <T> T read(String json, Class<T> type) throws IOException {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IOException("a stored " + type.getSimpleName() + " cannot be read back ("
          + e.getClass().getSimpleName() + "); was the row written by another program?");
    }
  }
}
