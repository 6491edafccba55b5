package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Inputs.ElicitRequest;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Handlers that wrap their whole body in {@code catch (Exception e)} still get the client's input, on
 * a session and on the stateless 2026-07-28 protocol, over a real HTTP server.
 */
@Timeout(30)
class InputThroughCatchAllTest {
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    McpServer server = McpServer.builder().name("guarded").version("1")
        .tool(ToolDefinition.builder("greet").description("Asks a name, catching everything")
            .handler((args, ctx) -> {
              try {
                ElicitResult r = ctx.elicit("name", TestTools.form());
                return CallToolResult.text("hello " + r.content().get("name").asText());
              } catch (Exception e) {
                return CallToolResult.error("swallowed: " + e.getClass().getSimpleName());
              }
            }).build())
        .tool(ToolDefinition.builder("pair").description("Asks two names at once, catching all")
            .handler((args, ctx) -> {
              try {
                Map<String, dev.mcpkit.core.schema.Inputs.InputRequest> ask =
                    new LinkedHashMap<>();
                ask.put("first", new ElicitRequest(TestTools.form()));
                ask.put("second", new ElicitRequest(TestTools.form()));
                Map<String, InputResponse> answers = ctx.requestInput(ask);
                return CallToolResult.text(name(answers.get("first")) + " & "
                    + name(answers.get("second")));
              } catch (Exception e) {
                throw new IllegalStateException("wrapped: " + e, e);
              }
            }).build())
        .build();
    fixture = new ServerFixture(server);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static String name(InputResponse r) {
    return ((ElicitResult) r).content().get("name").asText();
  }

  private McpClient connect(String version) throws Exception {
    return McpClient.builder()
        .transport(ClientTransport.http(fixture.http.url().toString()))
        .protocolVersion(version)
        .elicitation(params -> {
          asked.add(params.message());
          return ElicitResult.accept(Map.of("name", McpJson.toTree("Grace" + asked.size())));
        })
        .connect();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-07-28", "2025-11-25", "2025-03-26"})
  void aHandlerThatCatchesEveryExceptionStillGetsItsAnswer(String version) throws Exception {
    try (McpClient client = connect(version)) {
      CallToolResult r = client.callTool("greet", Map.of());

      assertThat(r.failed()).as("the handler's catch block did not run").isFalse();
      assertThat(text(r)).isEqualTo("hello Grace1");
      assertThat(asked).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-07-28", "2025-11-25"})
  void severalInputsAskedAtOnceComeBackThroughACatchAllThatRethrows(String version)
      throws Exception {
    try (McpClient client = connect(version)) {
      CallToolResult r = client.callTool("pair", Map.of());

      assertThat(r.failed()).isFalse();
      assertThat(text(r)).isEqualTo("Grace1 & Grace2");
      assertThat(asked).hasSize(2);
    }
  }

  private static String text(CallToolResult r) {
    return ((Content.Text) r.content().get(0)).text();
  }
}
