package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The instance holding a client's stream is killed with SIGKILL mid-call; the client resumes with
 * {@code Last-Event-ID} on another instance and gets every event stored before the kill, in order,
 * none twice.
 */
@Timeout(120)
class KilledInstanceResumptionTest {
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

  record Event(String id, JsonNode message) {}

  static Process spawn(String schema) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        KillableInstance.class.getName(), TestDatabase.jdbcUrl(), schema)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  static int portOf(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    for (int i = 0; i < 200; i++) { // bounded: the line comes first, other output is ignored
      String line = out.readLine();
      assertThat(line).as("the instance starts").isNotNull();
      if (line.startsWith("PORT ")) {
        return Integer.parseInt(line.substring(5).trim());
      }
    }
    throw new AssertionError("no PORT line");
  }

  BlockingQueue<Event> events(HttpRequest request) {
    BlockingQueue<Event> q = new LinkedBlockingQueue<>();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
      String[] id = {null};
      try (Stream<String> lines = r.body()) {
        lines.forEach(l -> {
          if (l.startsWith("id:")) {
            id[0] = l.substring(3).trim();
          } else if (l.startsWith("data:") && l.length() > 5 && id[0] != null) {
            q.add(new Event(id[0], Cluster.json(l.substring(5).trim())));
          }
        });
      } catch (RuntimeException e) {
        // the instance died under the stream
      }
    }, STREAM_READER);
    return q;
  }

  static List<Integer> progress(List<Event> events) {
    return events.stream().filter(e -> "notifications/progress".equals(
        e.message().path("method").asText()))
        .map(e -> e.message().path("params").path("progress").asInt()).toList();
  }

  @Test
  void aClientWhoseInstanceWasKilledResumesOnAnotherWithEveryStoredEventOnce() throws Exception {
    String schema = TestDatabase.freshStores("killed").schema();
    Process doomed = spawn(schema);
    McpPostgres pg = TestDatabase.storesOn(schema);
    try (McpHttpServer survivor = McpHttpServer.builder().port(0)
        .options(McpHttpOptions.builder().sessionStore(pg.sessionStore())
            .eventStore(pg.eventStore()).messageRelay(pg.messageRelay()).build())
        .endpoint(McpEndpoint.at("/mcp", KillableInstance.server())).start()) {
      URI a = URI.create("http://127.0.0.1:" + portOf(doomed) + "/mcp");
      HttpResponse<String> init = http.send(post(a, null, """
          {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
           "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"""),
          HttpResponse.BodyHandlers.ofString());
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      http.send(post(a, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
          HttpResponse.BodyHandlers.ofString());

      BlockingQueue<Event> before = events(post(a, session, "{\"jsonrpc\":\"2.0\",\"id\":2,"
          + "\"method\":\"tools/call\",\"params\":{\"name\":\"count\",\"arguments\":{},"
          + "\"_meta\":{\"progressToken\":\"t\"}}}"));
      List<Event> seen = new ArrayList<>();
      while (progress(seen).size() < 10) {
        Event e = before.poll(15, TimeUnit.SECONDS);
        assertThat(e).as("progress before the kill").isNotNull();
        seen.add(e);
      }
      doomed.destroyForcibly(); // SIGKILL
      assertThat(doomed.waitFor(15, TimeUnit.SECONDS)).isTrue();
      before.drainTo(seen); // what was already on the wire
      int stored = storedProgress(pg.schema(), session);
      // the client lost what came after the 5th progress message (its connection broke too)
      int lostAfter = 0;
      while (progress(seen.subList(0, lostAfter + 1)).size() < 5) {
        lostAfter++;
      }

      BlockingQueue<Event> after = events(HttpRequest.newBuilder(survivor.url())
          .header("Accept", "text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
          .header("Mcp-Session-Id", session)
          .header("Last-Event-ID", seen.get(lostAfter).id()).GET().build());
      List<Event> resumed = new ArrayList<>();
      for (Event e; (e = after.poll(3, TimeUnit.SECONDS)) != null; ) {
        resumed.add(e);
      }

      List<Integer> all = new ArrayList<>(progress(seen.subList(0, lostAfter + 1)));
      all.addAll(progress(resumed));
      assertThat(stored).isGreaterThanOrEqualTo(10).isLessThan(40);
      assertThat(progress(resumed)).as("replayed by the other instance").hasSize(stored - 5);
      assertThat(all).as("every stored event, in order, none twice")
          .isEqualTo(java.util.stream.IntStream.rangeClosed(1, stored).boxed().toList());
    } finally {
      doomed.destroyForcibly();
    }
  }

  static int storedProgress(String schema, String session) throws Exception {
    try (var c = TestDatabase.dataSource().getConnection();
        var ps = c.prepareStatement("SELECT count(*) FROM \"" + schema + "\".events "
            + "WHERE session_id = ? AND position('notifications/progress' in "
            + "convert_from(data, 'UTF8')) > 0")) {
      ps.setString(1, session);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static HttpRequest post(URI url, String session, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return b.build();
  }
}
