package dev.mcpkit.core.jsonschema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test input: JSON written with single quotes, and schemas from test resources. */
final class Json {
  private Json() {}

  /** Parses JSON text in which {@code '} stands for {@code "}. */
  static JsonNode json(String text) {
    try {
      return McpJson.mapper().readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** A JSON file under {@code src/test/resources/jsonschema/}. */
  static JsonNode resource(String name) {
    try (InputStream in = Json.class.getResourceAsStream("/jsonschema/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource jsonschema/" + name);
      }
      return McpJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
