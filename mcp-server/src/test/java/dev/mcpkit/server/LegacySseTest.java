package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 2024-11-05 HTTP+SSE transport for old clients. */
class LegacySseTest {
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(TestTools.server().build());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private Iterator<String> open(String path) throws Exception {
    HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        fixture.http.baseUri().resolve(path)).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body().iterator();
  }

  private static String endpointEvent(Iterator<String> lines) {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.equals("event: endpoint")) {
        return lines.next().substring("data: ".length());
      }
    }
    throw new IllegalStateException("no endpoint event");
  }

  private void post(URI messageUrl, String body) {
    RawClient c = new RawClient(messageUrl);
    c.protocolVersion = null;
    assertThat(c.post(body, "Accept", "application/json").status()).isEqualTo(202);
  }

  @Test
  @Timeout(10)
  void sseEndpointAnnouncesTheMessageUrlAndAnswersOnTheStream() throws Exception {
    Iterator<String> lines = open("/sse");
    String messagePath = endpointEvent(lines);
    URI messageUrl = fixture.http.baseUri().resolve(messagePath);

    post(messageUrl, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":"
        + "\"old\",\"version\":\"1\"}}}");
    JsonNode init = RawClient.nextEvent(lines, null);
    post(messageUrl, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
        + "\"name\":\"echo\",\"arguments\":{\"text\":\"old\",\"times\":1}}}");
    JsonNode call = RawClient.nextEvent(lines, null);

    assertThat(messagePath).startsWith("/message?sessionId=");
    assertThat(init.path("result").path("protocolVersion").asText()).isEqualTo("2024-11-05");
    assertThat(call.path("result").path("content").get(0).path("text").asText()).isEqualTo("old");
  }

  @Test
  @Timeout(10)
  void aGetWithoutSessionOnTheMcpUrlFallsBackToTheOldTransport() throws Exception {
    String messagePath = endpointEvent(open("/mcp"));

    assertThat(messagePath).startsWith("/mcp/message?sessionId=");
  }

  @Test
  void postToAnUnknownLegacySessionGets404() {
    RawClient c = new RawClient(fixture.http.baseUri().resolve("/message?sessionId=nope"));
    assertThat(c.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status())
        .isEqualTo(404);
  }
}
