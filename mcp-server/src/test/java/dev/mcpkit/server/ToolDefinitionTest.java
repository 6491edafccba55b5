package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import org.junit.jupiter.api.Test;

class ToolDefinitionTest {
  private static final ToolHandler OK = (args, ctx) -> CallToolResult.text("ok");

  @Test
  void toolWithoutIdIsRejected() {
    assertThatThrownBy(() -> ToolDefinition.builder(null).description("d").handler(OK).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an id");
    assertThatThrownBy(() -> ToolDefinition.builder("").description("d").handler(OK).build())
        .hasMessageContaining("needs an id");
  }

  @Test
  void invalidNameIsRejectedNamingTheTool() {
    assertThatThrownBy(() -> ToolDefinition.builder("get weather").description("d").handler(OK)
        .build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tool 'get weather'").hasMessageContaining("A-Z a-z 0-9 _ - .");
    assertThatThrownBy(() -> ToolDefinition.builder("x".repeat(129)).description("d")
        .handler(OK).build()).hasMessageContaining("invalid name");
  }

  @Test
  void toolWithoutDescriptionIsRejected() {
    assertThatThrownBy(() -> ToolDefinition.builder("t").handler(OK).build())
        .hasMessageContaining("tool 't'").hasMessageContaining("description is required");
  }

  @Test
  void inputSchemaThatIsNotAnObjectSchemaIsRejected() {
    assertThatThrownBy(() -> ToolDefinition.builder("t").description("d")
        .inputSchema(TestTools.schema("{\"type\":\"array\"}")).handler(OK).build())
        .hasMessageContaining("tool 't'").hasMessageContaining("input schema")
        .hasMessageContaining("object");
  }

  @Test
  void inputSchemaThatIsNotValidJsonSchemaIsRejected() {
    assertThatThrownBy(() -> ToolDefinition.builder("t").description("d")
        .inputSchema(TestTools.schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":"
            + "\"strnig\"}}}")).handler(OK).build())
        .hasMessageContaining("tool 't'").hasMessageContaining("not a valid JSON Schema");
  }

  @Test
  void duplicateIdIsRejectedAtRegistration() {
    ToolDefinition t = ToolDefinition.builder("same").description("d").handler(OK).build();
    McpServer.Builder b = McpServer.builder().name("s").tool(t).tool(t);

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tool 'same' is already registered");
    McpServer server = McpServer.builder().name("s").tool(t).build();
    assertThatThrownBy(() -> server.addTool(t)).hasMessageContaining("'same'");
  }

  @Test
  void typedHandlerDerivesTheInputSchemaFromTheRecord() {
    ToolDefinition t = ToolDefinition.builder("echo").description("d")
        .handler(TestTools.EchoArgs.class, (args, ctx) -> CallToolResult.text(args.text()))
        .build();

    assertThat(t.tool().inputSchema().path("properties").path("text").path("description")
        .asText()).isEqualTo("Text to echo");
    assertThat(t.tool().inputSchema().path("required").toString()).contains("text", "times");
  }

  @Test
  void structuredHandlerDerivesBothSchemas() {
    ToolDefinition t = ToolDefinition.builder("sum").description("d")
        .handler(TestTools.EchoArgs.class, TestTools.Sum.class,
            (args, ctx) -> new TestTools.Sum(args.times()))
        .build();

    assertThat(t.tool().outputSchema().path("properties").has("total")).isTrue();
    assertThat(t.outputValidator()).isNotNull();
  }

  @Test
  void serverWithoutNameIsRejected() {
    assertThatThrownBy(() -> McpServer.builder().build()).hasMessageContaining("needs a name");
  }
}
