package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their request line and headers a byte at a time, on the embedded server:
 * others keep being answered (a head being read holds no thread), and the slow ones get 408 at the
 * header deadline and their connections are closed.
 */
class SlowHeadersTest {
  private McpHttpServer http;
  private final List<Socket> slow = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Socket s : slow) {
      s.close();
    }
    if (http != null) {
      http.close();
    }
  }

  @Test
  void clientsStuckInTheirHeadersDoNotStopOthersBeingAnswered() throws Exception {
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .maxThreads(4).headerReadTimeout(Duration.ofMillis(600)).start();
    int port = http.url().getPort();
    for (int i = 0; i < 12; i++) { // three times the threads
      Socket s = new Socket("127.0.0.1", port);
      s.getOutputStream().write("POST /mcp HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      slow.add(s);
    }

    long start = System.nanoTime();
    RawClient client = new RawClient(http.url());
    client.initialize();
    RawClient.Response listed = client.post(client.request("tools/list", null));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(listed.status()).isEqualTo(200);
    assertThat(tookMillis).as("answered while 12 clients hold their headers").isLessThan(15_000);
    for (Socket s : slow) {
      s.setSoTimeout(10_000);
      byte[] status = s.getInputStream().readNBytes(12);
      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 408");
      assertThat(closedWithin(s, 10_000)).as("a slow client's connection is closed").isTrue();
    }
  }

  @Test
  void aClientThatSendsItsHeadersInTimeIsServedNormally() throws Exception {
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .maxThreads(4).headerReadTimeout(Duration.ofSeconds(5)).start();
    try (Socket s = new Socket("127.0.0.1", http.url().getPort())) {
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
      String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length()
          + "\r\n\r\n";
      for (byte b : head.getBytes(StandardCharsets.US_ASCII)) { // slowly, but within 5 s
        s.getOutputStream().write(b);
        s.getOutputStream().flush();
        Thread.sleep(5);
      }
      s.getOutputStream().write(body.getBytes(StandardCharsets.US_ASCII));
      s.setSoTimeout(10_000);
      byte[] answer = new byte[12];
      int n = s.getInputStream().readNBytes(answer, 0, answer.length);
      // ping without a session is refused by the session protocol, but it is answered
      assertThat(new String(answer, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 4");
    }
  }

  private static boolean closedWithin(Socket s, int millis) throws IOException {
    s.setSoTimeout(millis);
    InputStream in = s.getInputStream();
    try {
      while (in.read() >= 0) {
        // drain whatever the server wrote before closing
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
