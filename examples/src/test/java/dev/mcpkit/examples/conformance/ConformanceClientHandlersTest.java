package dev.mcpkit.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Elicitation.ElicitParams;
import org.junit.jupiter.api.Test;

class ConformanceClientHandlersTest {
  @Test
  void elicitationIsAcceptedWithEverySchemaDefaultInItsJsonType() throws Exception {
    JsonNode params = McpJson.mapper().readTree("""
        {"message": "m", "requestedSchema": {"type": "object", "properties": {
          "name": {"type": "string", "default": "John Doe"},
          "age": {"type": "integer", "default": 30},
          "score": {"type": "number", "default": 95.5},
          "verified": {"type": "boolean", "default": true},
          "free": {"type": "string"}}}}
        """);
    JsonNode result = McpJson.toTree(ConformanceClientHandlers.acceptWithDefaults(
        McpJson.fromTree(params, ElicitParams.class)));
    assertThat(result.path("action").asText()).isEqualTo("accept");
    JsonNode content = result.path("content");
    assertThat(content.path("name").asText()).isEqualTo("John Doe");
    assertThat(content.path("age").isIntegralNumber()).isTrue();
    assertThat(content.path("score").asDouble()).isEqualTo(95.5);
    assertThat(content.path("verified").isBoolean()).isTrue();
    assertThat(content.has("free")).isFalse();
  }
}
