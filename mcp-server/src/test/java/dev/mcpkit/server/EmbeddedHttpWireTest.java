package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The embedded server's HTTP/1.1, byte by byte over loopback: what a strict server must refuse
 * (each refusal closes the connection, since what follows cannot be trusted), and what it must
 * take (chunked bodies, pipelined requests, HTTP/1.0, {@code Expect: 100-continue}, the absolute
 * form of a target).
 */
@Timeout(30)
class EmbeddedHttpWireTest {
  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
      + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
      + "\"clientInfo\":{\"name\":\"wire\",\"version\":\"1\"}}}";
  private McpHttpServer http;
  private int port;

  @BeforeEach
  void start() {
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .options(McpHttpOptions.builder().keepAliveInterval(Duration.ofHours(1)).build())
        .maxConnections(8).start();
    port = http.baseUri().getPort();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a length beside a transfer coding|400|Content-Length: 5\\r\\nTransfer-Encoding: chunked\\r\\n",
      "two different lengths|400|Content-Length: 5\\r\\nContent-Length: 6\\r\\n",
      "a transfer coding other than chunked|501|Transfer-Encoding: gzip, chunked\\r\\n",
      "a folded header line|400|X-A: 1\\r\\n  continued\\r\\n",
      "whitespace before the colon|400|X-A : 1\\r\\n",
      "a bare CR|400|X-A: 1\\rX-B: 2\\r\\n",
      "a control character in a value|400|X-A: 1\\u0001\\r\\n",
      "a negative length|400|Content-Length: -1\\r\\n",
      "a second Host|400|Host: example.com\\r\\n",
  })
  void aHeadAStrictServerRefusesIsRefusedAndTheConnectionClosed(String what, int status,
      String escaped) throws Exception {
    String extra = escaped.replace("\\r", "\r").replace("\\n", "\n")
        .replace("\\u0001", "\u0001");
    try (Socket s = socket()) {
      send(s, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\nhello");
      String answer = readAll(s);
      assertThat(answer).as(what).startsWith("HTTP/1.1 " + status + " ");
      assertThat(answer).as(what).contains("Connection: close");
    }
  }

  @Test
  void otherMalformedHeadsAreRefused() throws Exception {
    assertThat(exchange("POST /mcp HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 ")
        .contains("no Host header");
    assertThat(exchange("GET /mcp HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n"))
        .startsWith("HTTP/1.1 505 ");
    assertThat(exchange("GET /m cp HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        .startsWith("HTTP/1.1 400 ");
    assertThat(exchange("GET /m%zzp HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        .startsWith("HTTP/1.1 400 ");
    assertThat(exchange("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
        + "\r\n\r\n")).startsWith("HTTP/1.1 431 ");
    StringBuilder many = new StringBuilder("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < 101; i++) {
      many.append("X-").append(i).append(": 1\r\n");
    }
    assertThat(exchange(many + "\r\n")).startsWith("HTTP/1.1 431 ");
    assertThat(exchange("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: later\r\n"
        + "Content-Length: 2\r\n\r\n{}")).startsWith("HTTP/1.1 417 ");
  }

  @Test
  void aChunkedBodyWithExtensionsAndTrailersIsRead() throws Exception {
    byte[] body = INIT.getBytes(StandardCharsets.UTF_8);
    int half = body.length / 2;
    String chunked = Integer.toHexString(half) + ";name=value\r\n" + INIT.substring(0, half)
        + "\r\n" + Integer.toHexString(body.length - half) + "\r\n" + INIT.substring(half)
        + "\r\n0\r\nX-Trailer: ignored\r\n\r\n";
    String answer = exchange("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
        + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);
    assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Mcp-Session-Id: ")
        .contains("\"protocolVersion\":\"2025-06-18\"");
  }

  @Test
  void aMalformedChunkIsAParseError() throws Exception {
    String answer = exchange("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
        + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Connection: close")
        .contains("malformed chunked request body");
  }

  @Test
  void aChunkedBodyOverTheLimitThatCameWithItsHeadGets413() throws Exception {
    http.close();
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .options(McpHttpOptions.builder().maxBodyBytes(1_024).build()).start();
    port = http.baseUri().getPort();
    String chunk = "x".repeat(2_000);
    String answer;
    String logged;
    try (LogCapture log = new LogCapture()) {
      answer = exchange("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length()) + "\r\n"
          + chunk + "\r\n0\r\n\r\n"); // one write: the body is read with the head
      logged = log.text();
    }
    assertThat(answer).startsWith("HTTP/1.1 413 ").contains("Connection: close")
        .contains("McpHttpOptions.maxBodyBytes");
    assertThat(logged).as("nothing failed on the server's side").doesNotContain("failed");
  }

  @Test
  void anOversizeHeadPipelinedBehindABodyGets431AfterTheFirstAnswer() throws Exception {
    String second = "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(40_000)
        + "\r\n\r\n";
    String answers;
    String logged;
    try (LogCapture log = new LogCapture(); Socket s = socket()) {
      // the head alone first: the interim answer says the server is reading the body now
      send(s, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nExpect: 100-continue\r\n"
          + "Content-Length: " + INIT.length() + "\r\n\r\n");
      assertThat(new String(s.getInputStream().readNBytes(25), StandardCharsets.US_ASCII))
          .startsWith("HTTP/1.1 100 ");
      send(s, INIT + second); // one write: the next head follows the body
      answers = readAll(s);
      logged = log.text();
    }
    assertThat(answers).startsWith("HTTP/1.1 200 ");
    assertThat(answers.indexOf("HTTP/1.1 431 ")).isGreaterThan(0);
    assertThat(logged).as("nothing failed on the server's side").doesNotContain("failed");
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
    String one = post("/mcp", INIT, "");
    String two = "GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    String three = post("/mcp", INIT, "Connection: close\r\n");
    String answers = exchange(one + two + three);
    assertThat(answers.split("HTTP/1.1 ", -1)).hasSize(4);
    int first = answers.indexOf("HTTP/1.1 200 ");
    int second = answers.indexOf("HTTP/1.1 404 ");
    int third = answers.indexOf("HTTP/1.1 200 ", second);
    assertThat(first).isZero();
    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second);
  }

  @Test
  void anHttp10RequestIsAnsweredAndItsConnectionClosed() throws Exception {
    try (Socket s = socket()) {
      send(s, "POST /mcp HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: "
          + INIT.length() + "\r\n\r\n" + INIT);
      String answer = readAll(s); // ends: the server closed the connection
      assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Connection: close")
          .contains("\"protocolVersion\"");
    }
  }

  @Test
  void expectContinueGetsAnInterimAnswerBeforeTheBodyIsSent() throws Exception {
    try (Socket s = socket()) {
      send(s, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nExpect: 100-continue\r\n"
          + "Connection: close\r\nContent-Length: " + INIT.length() + "\r\n\r\n");
      s.setSoTimeout(5_000);
      byte[] interim = s.getInputStream().readNBytes(25);
      assertThat(new String(interim, StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      send(s, INIT);
      assertThat(readAll(s)).startsWith("HTTP/1.1 200 ");
    }
  }

  @Test
  void aLegacyMessageWithAMalformedEscapeInItsSessionIdIsAnUnknownSession() throws Exception {
    String answer;
    String logged;
    try (LogCapture log = new LogCapture()) {
      answer = exchange("POST /message?sessionId=ab%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
      logged = log.text();
    }
    assertThat(answer).startsWith("HTTP/1.1 404 ");
    assertThat(logged).doesNotContain("WARN");
  }

  @Test
  void aTargetInAbsoluteFormIsServedByItsPath() throws Exception {
    String answer = exchange("POST http://127.0.0.1:" + port + "/mcp HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\nConnection: close\r\n"
        + "Content-Length: " + INIT.length() + "\r\n\r\n" + INIT);
    assertThat(answer).startsWith("HTTP/1.1 200 ");
  }

  @Test
  void aHeadRequestGetsNoBody() throws Exception {
    String answer = exchange("HEAD /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
        + "\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 404 ").contains("Content-Length: 9")
        .endsWith("\r\n\r\n");
  }

  @Test
  void aStreamWhoseClientClosesIsReleasedAtOnceWithoutAnyWrite() throws Exception {
    // keep-alives are an hour apart: only the connection's end can tell the server
    RawHttp stream = new RawHttp(http.baseUri());
    stream.getStream("/mcp");
    assertThat(stream.readUntil("event: endpoint")).isTrue();
    assertThat(http.openStreamCount()).isEqualTo(1);

    stream.close();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (http.openStreamCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10); // polls a count kept on the server's thread
    }
    assertThat(http.openStreamCount()).isZero();
  }

  @Test
  void connectionsBeyondTheLimitAre503WithRetryAfterWhileTheOthersStayServed() throws Exception {
    Socket[] held = new Socket[8];
    try {
      for (int i = 0; i < held.length; i++) {
        held[i] = socket();
        send(held[i], post("/mcp", PING, "")); // each answered, and kept open
        held[i].setSoTimeout(5_000);
        assertThat(readHead(held[i])).startsWith("HTTP/1.1 4");
      }
      try (Socket extra = socket()) {
        String refused = readAll(extra);
        assertThat(refused).startsWith("HTTP/1.1 503 ").contains("Retry-After: 1")
            .contains("too many connections");
      }
      send(held[0], post("/mcp", PING, "Connection: close\r\n"));
      assertThat(readAll(held[0])).contains("HTTP/1.1 4");
    } finally {
      for (Socket s : held) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  private static String post(String path, String body, String extra) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\n" + extra + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  private Socket socket() throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(10_000);
    return s;
  }

  private String exchange(String request) throws IOException {
    try (Socket s = socket()) {
      send(s, request);
      return readAll(s);
    }
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
  }

  /** Everything until the server closes the connection (fails past the socket's timeout). */
  private static String readAll(Socket s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    int n;
    try {
      while ((n = in.read(buf)) >= 0) {
        b.write(buf, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server did not close the connection; it sent: " + b, e);
    } catch (IOException reset) {
      // what arrived before a reset counts
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** One answer's head and body of known length, leaving the connection open. */
  private static String readHead(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      b.write(c);
    }
    String head = b.toString(StandardCharsets.ISO_8859_1);
    int at = head.indexOf("Content-Length: ");
    if (at >= 0) {
      int length = Integer.parseInt(head.substring(at + 16, head.indexOf('\r', at)));
      in.readNBytes(length);
    }
    return head;
  }
}
