package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A change one instance makes to a session (log level, subscriptions, its end) reaches another
 * instance that already serves the session from its own copy, through the PostgreSQL relay, within
 * seconds rather than at the next store touch.
 */
@Timeout(90)
class SessionNoticesTest {
  /**
   * Reads a stream's lines on a thread of its own: a callback attached to an already completed
   * future would run on the test's thread, and reading an open stream there never returns.
   */
  private static final java.util.concurrent.Executor STREAM_READER = task -> {
    Thread t = new Thread(task, "stream-reader");
    t.setDaemon(true);
    t.start();
  };

  final ClusterDeliveryTest client = new ClusterDeliveryTest();
  final HttpClient http = HttpClient.newHttpClient();

  /** The JSON-RPC messages of an SSE answer, and the answer's end. */
  record Stream2(BlockingQueue<JsonNode> messages, CompletableFuture<?> ended) {}

  Stream2 open(HttpRequest request) {
    BlockingQueue<JsonNode> q = new LinkedBlockingQueue<>();
    CompletableFuture<?> ended = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAcceptAsync(r -> {
          try (Stream<String> lines = r.body()) {
            lines.filter(l -> l.startsWith("data:") && l.length() > 5)
                .forEach(l -> q.add(Cluster.json(l.substring(5).trim())));
          }
        }, STREAM_READER);
    return new Stream2(q, ended);
  }

  /** The log messages a {@code say} call through {@code url} delivered, in order. */
  List<String> say(URI url, int id) throws Exception {
    HttpResponse<String> r = client.post(url, "{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"say\",\"arguments\":{}}}");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body().lines().filter(l -> l.startsWith("data:") && l.length() > 5)
        .map(l -> Cluster.json(l.substring(5).trim()))
        .filter(m -> "notifications/message".equals(m.path("method").asText()))
        .map(m -> m.path("params").path("data").asText()).toList();
  }

  @Test
  void aLogLevelSetThroughOneInstanceIsAppliedByAnotherThatAlreadyServesTheSession()
      throws Exception {
    try (Cluster cluster = new Cluster("notice_level", 2)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      client.open(a);
      assertThat(say(b, 2)).containsExactly("info note", "error note");

      assertThat(client.post(a, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"logging/setLevel\","
          + "\"params\":{\"level\":\"error\"}}").statusCode()).isEqualTo(200);

      List<String> seen = say(b, 4);
      for (int i = 5; !seen.equals(List.of("error note")) && i < 105; i++) {
        Thread.sleep(50); // the notice travels asynchronously; at most 100 calls, about 5 s
        seen = say(b, i);
      }
      assertThat(seen).as("what the other instance sends after the level changed")
          .containsExactly("error note");
    }
  }

  @Test
  void aSubscriptionMadeThroughOneInstanceIsHonouredByTheInstanceHoldingTheGetStream()
      throws Exception {
    try (Cluster cluster = new Cluster("notice_subscribe", 2)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      client.open(a);
      Stream2 get = open(client.request(b).GET().build());
      ClusterDeliveryTest.awaitOpenStream(cluster.instances.get(1));

      assertThat(client.post(a, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/subscribe\","
          + "\"params\":{\"uri\":\"" + Cluster.DOC + "\"}}").statusCode()).isEqualTo(200);

      JsonNode updated = null;
      for (int i = 0; updated == null && i < 100; i++) { // at most 100 changes, about 5 s
        cluster.servers.get(1).notifyResourceUpdated(Cluster.DOC);
        updated = get.messages().poll(50, TimeUnit.MILLISECONDS);
      }
      assertThat(updated).as("resources/updated on the GET stream of the other instance")
          .isNotNull();
      assertThat(updated.path("method").asText()).isEqualTo("notifications/resources/updated");
      assertThat(updated.path("params").path("uri").asText()).isEqualTo(Cluster.DOC);
    }
  }

  @Test
  void aSessionDeletedThroughOneInstanceEndsOnAnotherThatHoldsItsGetStream() throws Exception {
    try (Cluster cluster = new Cluster("notice_delete", 2)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      client.open(a);
      Stream2 get = open(client.request(b).GET().build());
      ClusterDeliveryTest.awaitOpenStream(cluster.instances.get(1));

      assertThat(http.send(client.request(a).DELETE().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

      get.ended().get(15, TimeUnit.SECONDS); // the other instance closed the session's stream
      assertThat(client.post(b, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}")
          .statusCode()).as("the other instance no longer serves the session").isEqualTo(404);
    }
  }
}
