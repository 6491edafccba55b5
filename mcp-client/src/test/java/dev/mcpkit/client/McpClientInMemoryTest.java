package dev.mcpkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Logging.LoggingMessageParams;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;
import dev.mcpkit.core.transport.InMemoryTransport;
import dev.mcpkit.core.transport.McpTransports;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a server engine on an in-memory pair: the protocol without HTTP. */
class McpClientInMemoryTest {
  record Weather(String city, double celsius) {}

  private final AtomicReference<JsonNode> initializeParams = new AtomicReference<>();
  private ProtocolEngine server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private McpClient connect(McpClient.Builder builder) throws IOException {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    MethodHandlers handlers = MethodHandlers.builder()
        .onRequest("initialize", (ctx, p) -> {
          initializeParams.set(p);
          ObjectNode r = McpJson.object();
          r.put("protocolVersion", p.path("protocolVersion").asText());
          r.putObject("capabilities").putObject("tools").put("listChanged", true);
          r.putObject("serverInfo").put("name", "in-memory").put("version", "1");
          r.put("instructions", "be brief");
          return r;
        })
        .onRequest("tools/call", (ctx, p) -> {
          ObjectNode r = McpJson.object();
          switch (p.path("name").asText()) {
            case "weather" -> {
              r.putArray("content").addObject().put("type", "text").put("text", "sunny");
              r.putObject("structuredContent").put("city", p.at("/arguments/city").asText())
                  .put("celsius", 21.5);
            }
            case "ask-model" -> {
              JsonNode answer = ctx.sendRequest("sampling/createMessage", McpJson.mapper().readTree(
                  "{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}],"
                      + "\"maxTokens\":10}"), Duration.ofSeconds(5));
              r.putArray("content").addObject().put("type", "text")
                  .put("text", answer.at("/content/text").asText());
            }
            case "notify" -> {
              ctx.sendNotification("notifications/tools/list_changed", null);
              ObjectNode log = McpJson.object().put("level", "warning").put("logger", "srv");
              log.put("data", "careful");
              ctx.sendNotification("notifications/message", log);
              r.putArray("content");
            }
            default -> {
              r.putArray("content").addObject().put("type", "text").put("text", "no such tool");
              r.put("isError", true);
            }
          }
          return r;
        })
        .build();
    server = McpTransports.connect(pair[1], ProtocolEngine.builder().name("server")
        .handlers(handlers));
    return builder.transport(ClientTransport.custom(() -> pair[0])).connect();
  }

  @Test
  void declaresOnlyTheCapabilitiesThatAreConfigured() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      assertThat(initializeParams.get().path("capabilities").isEmpty()).isTrue();
      assertThat(client.instructions()).isEqualTo("be brief");
      assertThat(client.serverCapabilities().tools()).isNotNull();
    }
    try (McpClient client = connect(McpClient.builder()
        .sampling(p -> null).roots(() -> null).elicitation(p -> null))) {
      JsonNode caps = initializeParams.get().path("capabilities");
      assertThat(caps.has("sampling")).isTrue();
      assertThat(caps.path("roots").path("listChanged").asBoolean()).isTrue();
      assertThat(caps.path("elicitation").has("form")).isTrue();
      assertThat(caps.path("elicitation").has("url")).isFalse();
    }
  }

  @Test
  void typedCallMapsStructuredContentAndKeepsToolFailuresAsResults() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      StructuredResult<Weather> weather = client.callTool("weather", Map.of("city", "Oslo"),
          Weather.class);
      assertThat(weather.value()).isEqualTo(new Weather("Oslo", 21.5));
      StructuredResult<Weather> failed = client.callTool("missing", Map.of(), Weather.class);
      assertThat(failed.isError()).isTrue();
      assertThat(failed.value()).isNull();
    }
  }

  @Test
  void argumentsThatAreNotAnObjectAreRefusedNamingTheTool() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      assertThatThrownBy(() -> client.callTool("weather", List.of(1, 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tool 'weather'")
          .hasMessageContaining("ARRAY");
    }
  }

  @Test
  void samplingRequestsFromTheServerAreAnsweredByTheHandler() throws IOException {
    try (McpClient client = connect(McpClient.builder().sampling(p -> new CreateMessageResult(
        Role.ASSISTANT, new Content.Text("model says " + p.maxTokens()), "m", "endTurn")))) {
      assertThat(ResultText.text(client.callTool("ask-model", Map.of())))
          .isEqualTo("model says 10");
    }
  }

  @Test
  void serverRequestsWithoutAHandlerAreRefusedAsMethodNotFound() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      assertThatThrownBy(() -> client.callTool("ask-model", Map.of()))
          .isInstanceOfSatisfying(McpProtocolException.class,
              e -> assertThat(e.getMessage()).contains("sampling/createMessage"));
    }
  }

  @Test
  void notificationsReachTheListener() throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    List<String> seen = new CopyOnWriteArrayList<>();
    try (McpClient client = connect(McpClient.builder().listener(new ClientListener() {
      @Override
      public void onToolListChanged() {
        seen.add("tools changed");
        both.countDown();
      }

      @Override
      public void onLogMessage(LoggingMessageParams message) {
        seen.add(message.level().wire() + " " + message.logger() + " " + message.data().asText());
        both.countDown();
      }
    }))) {
      client.callTool("notify", Map.of());
      assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen).containsExactlyInAnyOrder("tools changed", "warning srv careful");
  }

  @Test
  void builderRefusesWhatCannotWork() {
    assertThatThrownBy(() -> McpClient.builder().connect())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ClientTransport.http(url)");
    assertThatThrownBy(() -> McpClient.builder().protocolVersion("2099-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-11-25");
    assertThatThrownBy(() -> ClientTransport.http("ftp://nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://nope");
  }
}
