package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Legacy HTTP+SSE sessions (2024-11-05 transport) across two instances on one database: messages
 * POSTed to the instance that does not hold the event stream reach the session, and are answered
 * on its stream; a message URL no instance knows is refused.
 */
@Timeout(60)
class LegacySessionsTest {
  /**
   * Reads a stream's lines on a thread of its own: a callback attached to an already completed
   * future would run on the test's thread, and reading an open stream there never returns.
   */
  private static final java.util.concurrent.Executor STREAM_READER = task -> {
    Thread t = new Thread(task, "stream-reader");
    t.setDaemon(true);
    t.start();
  };

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> post(URI url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String next(BlockingQueue<String> q, String what) throws InterruptedException {
    String data = q.poll(15, TimeUnit.SECONDS);
    assertThat(data).as(what + " within 15 s").isNotNull();
    return data;
  }

  @Test
  void messagesPostedToTheOtherInstanceAreAnsweredOnTheStreamOfTheInstanceHoldingIt()
      throws Exception {
    try (Cluster cluster = new Cluster("legacy_shared", 2)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      http.sendAsync(HttpRequest.newBuilder(a.resolve("/sse"))
          .header("Accept", "text/event-stream").GET().build(),
          HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
            try (Stream<String> lines = r.body()) {
              lines.filter(l -> l.startsWith("data:")).forEach(l -> events.add(l.substring(5)
                  .trim()));
            }
          }, STREAM_READER);
      String messagePath = next(events, "the endpoint event");
      assertThat(messagePath).startsWith("/message?sessionId=");
      URI onB = b.resolve(messagePath);

      assertThat(post(onB, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
          + "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":"
          + "\"old\",\"version\":\"1\"}}}").statusCode()).isEqualTo(202);
      JsonNode init = Cluster.json(next(events, "the initialize answer on a's stream"));
      assertThat(init.path("id").asInt()).isEqualTo(1);
      assertThat(init.path("result").path("protocolVersion").asText()).isEqualTo("2024-11-05");
      assertThat(post(onB, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
          .statusCode()).isEqualTo(202);

      assertThat(post(onB, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
          + "{\"name\":\"say\",\"arguments\":{}}}").statusCode()).isEqualTo(202);
      JsonNode said = Cluster.json(next(events, "the tool's answer on a's stream"));
      while (said.has("method")) { // the tool's log messages come first
        said = Cluster.json(next(events, "the tool's answer on a's stream"));
      }
      assertThat(said.path("id").asInt()).isEqualTo(2);
      assertThat(said.path("result").path("content").get(0).path("text").asText())
          .isEqualTo("said");
    }
  }

  @Test
  void aMessageUrlNoInstanceKnowsIsRefused() throws Exception {
    try (Cluster cluster = new Cluster("legacy_unknown", 2)) {
      HttpResponse<String> r = post(cluster.instances.get(1).url()
          .resolve("/message?sessionId=AAAAAAAAAAAAAAAAAAAAAA"),
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");

      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("Session not found");
    }
  }
}
