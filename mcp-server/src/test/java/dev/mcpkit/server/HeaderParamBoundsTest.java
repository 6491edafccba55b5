package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An integer mirrored in an {@code Mcp-Param-*} header must be a safe integer (|n| <= 2^53-1). */
class HeaderParamBoundsTest {
  private static ServerFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(TestTools.server().build());
    fixture.server.addTool(ToolDefinition.builder("page").description("Reads a page")
        .inputSchema(TestTools.schema("{\"type\":\"object\",\"properties\":{\"offset\":{"
            + "\"type\":\"integer\",\"x-mcp-header\":\"Offset\"}}}"))
        .handler((a, c) -> CallToolResult.text("ok")).build());
    fixture.client.protocolVersion = null;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "9007199254740991, 200",
      "-9007199254740991, 200",
      "0, 200",
      "9007199254740992, 400",
      "9007199254740993, 400",
      "-9007199254740993, 400",
      "18446744073709551616, 400",
      "18446744073709551617, 400",
      "-18446744073709551616, 400",
      "36893488147419103232, 400",
      "100000000000000000000000000000000000000000000, 400"})
  void integerHeaderOutsideTheSafeRangeIsRefusedWhateverItsSize(String value, int status) {
    RawClient.Response r = fixture.client.stateless("tools/call",
        "{\"name\":\"page\",\"arguments\":{\"offset\":" + value + "}}", "Mcp-Param-Offset", value);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    if (status == 400) {
      assertThat(r.message().path("error").path("code").asInt()).isEqualTo(-32020);
    }
  }
}
