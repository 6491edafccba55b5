package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our own client against our own server, in each protocol era. */
class OwnClientInteropTest {
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(TestTools.server().build());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static String text(CallToolResult r) {
    return ((Content.Text) r.content().get(0)).text();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"})
  void ourClientListsCallsAndAnswersElicitation(String version) throws Exception {
    McpClient.Builder b = McpClient.builder()
        .transport(ClientTransport.http(fixture.http.url().toString()))
        .elicitation(params -> ElicitResult.accept(Map.of("name",
            dev.mcpkit.core.json.McpJson.mapper().getNodeFactory().textNode("Grace"))));
    if (!version.isEmpty()) {
      b.protocolVersion(version);
    }
    try (McpClient client = b.connect()) {
      assertThat(client.listTools().tools()).extracting(t -> t.name()).contains("echo", "ask");
      assertThat(text(client.callTool("echo", Map.of("text", "ok", "times", 1)))).isEqualTo("ok");
      assertThat(text(client.callTool("ask", Map.of()))).isEqualTo("hello Grace");
      assertThat(client.callTool("refuse", Map.of()).failed()).isTrue();
      if (version.isEmpty()) {
        assertThat(client.protocolVersion().id()).isEqualTo("2026-07-28");
      }
    }
  }
}
