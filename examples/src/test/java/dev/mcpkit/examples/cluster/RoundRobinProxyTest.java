package dev.mcpkit.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy in front of real loopback HTTP servers: turn by turn, and streams as they come. */
@Timeout(30)
class RoundRobinProxyTest {
  final List<HttpServer> upstreams = new ArrayList<>();
  final CountDownLatch secondEvent = new CountDownLatch(1);
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    secondEvent.countDown();
    upstreams.forEach(s -> s.stop(0));
  }

  URI upstream(String name) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    s.setExecutor(Executors.newCachedThreadPool());
    s.createContext("/name", x -> {
      byte[] body = (name + " " + x.getRequestMethod() + " "
          + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("X-Upstream", name);
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    s.createContext("/events", x -> {
      x.getResponseHeaders().set("Content-Type", "text/event-stream");
      x.sendResponseHeaders(200, 0);
      OutputStream out = x.getResponseBody();
      out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        secondEvent.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
      x.close();
    });
    s.start();
    upstreams.add(s);
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  @Test
  void eachRequestGoesToTheNextUpstreamWithItsMethodBodyAndHeaders() throws Exception {
    try (RoundRobinProxy proxy = RoundRobinProxy.start(List.of(upstream("one"),
        upstream("two")))) {
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(proxy.uri().resolve("/name"))
            .POST(HttpRequest.BodyPublishers.ofString("hi" + i)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("X-Upstream")).isPresent();
        answers.add(r.body());
      }

      assertThat(answers).containsExactly("one POST hi0", "two POST hi1", "one POST hi2",
          "two POST hi3");
      assertThat(proxy.served()).containsExactly(2, 2);
    }
  }

  @Test
  void anEventReachesTheClientBeforeTheUpstreamEndsItsStream() throws Exception {
    try (RoundRobinProxy proxy = RoundRobinProxy.start(List.of(upstream("one")))) {
      HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(
          proxy.uri().resolve("/events")).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(),
          StandardCharsets.UTF_8))) {
        assertThat(lines.readLine()).isEqualTo("data: first"); // the upstream is still waiting
        secondEvent.countDown();
        assertThat(lines.readLine()).isEmpty();
        assertThat(lines.readLine()).isEqualTo("data: second");
      }
    }
  }
}
