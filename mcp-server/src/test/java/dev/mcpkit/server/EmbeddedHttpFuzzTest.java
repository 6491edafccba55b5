package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded server's HTTP framing under mangled input: requests cut short, bytes inserted and
 * replaced, lines repeated, lengths and chunk sizes changed, from a fixed seed. Each connection
 * gets a well-formed answer or is closed as soon as the client closed its side, nothing fails on
 * the server's side (no warning, no stack trace), and an ordinary request is served after all of
 * them.
 */
class EmbeddedHttpFuzzTest {
  private static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
      + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
      + "\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}";
  private static final String[] SEEDS = {
      "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: " + BODY.length()
          + "\r\n\r\n" + BODY,
      "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
          + Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n",
      "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
      "GET /sse HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
      "POST /message?sessionId=abc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}",
      "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n"
          + "Content-Type: application/json\r\n\r\n{}GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "GET /m%63p?x=%41 HTTP/1.0\r\n\r\nGET http://127.0.0.1/mcp HTTP/1.1\r\nHost: a\r\n\r\n",
  };
  private static final byte[] NASTY = {'\r', '\n', ' ', ':', '\t', 0, 0x7f, (byte) 0xff, '%',
      ';', '0', 'f', '-', '9'};

  @Test
  @Timeout(120)
  void mangledRequestsGetAnAnswerOrACloseAndNothingFails() throws Exception {
    McpHttpServer http = McpHttpServer.builder()
        .endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .options(McpHttpOptions.builder().keepAliveInterval(Duration.ofHours(1)).build())
        .headerReadTimeout(Duration.ofSeconds(2)).start();
    // -Dfuzz.seed and -Dfuzz.cases run other and more cases; the suite runs these
    Random random = new Random(Long.getLong("fuzz.seed", 20261207L));
    int answered = 0;
    String logged;
    try (LogCapture log = new LogCapture()) {
      for (int i = 0; i < Integer.getInteger("fuzz.cases", 400); i++) {
        byte[] request = mangle(SEEDS[random.nextInt(SEEDS.length)].getBytes(
            StandardCharsets.ISO_8859_1), random);
        String answer = exchange(http.baseUri().getPort(), request);
        if (!answer.isEmpty()) {
          assertThat(answer).as("answer %d", i).startsWith("HTTP/1.1 ");
          assertThat(answer.substring(9, 12)).as("status of answer %d", i).matches("[1-5][0-9][0-9]");
          answered++;
        }
      }
      logged = log.text();
      RawClient client = new RawClient(http.url());
      client.initialize();
      assertThat(client.post(client.request("tools/list", null)).status()).isEqualTo(200);
    } finally {
      http.close();
    }
    assertThat(answered).as("mangled requests answered").isGreaterThan(100);
    assertThat(logged).doesNotContain("WARN").doesNotContain("Exception");
  }

  /** One to three changes: a cut, an inserted or replaced byte, a repeated line, a new number. */
  private static byte[] mangle(byte[] in, Random random) {
    byte[] out = in;
    for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
      int at = random.nextInt(out.length);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      switch (random.nextInt(5)) {
        case 0 -> b.write(out, 0, at); // cut short
        case 1 -> { // inserted
          b.write(out, 0, at);
          b.write(NASTY[random.nextInt(NASTY.length)]);
          b.write(out, at, out.length - at);
        }
        case 2 -> { // replaced
          b.write(out, 0, out.length);
          byte[] r = b.toByteArray();
          r[at] = NASTY[random.nextInt(NASTY.length)];
          b.reset();
          b.writeBytes(r);
        }
        case 3 -> { // the line around it repeated
          int start = at;
          while (start > 0 && out[start - 1] != '\n') {
            start--;
          }
          int end = at;
          while (end < out.length && out[end] != '\n') {
            end++;
          }
          end = Math.min(out.length, end + 1);
          b.write(out, 0, end);
          b.write(out, start, end - start);
          b.write(out, end, out.length - end);
        }
        default -> { // a number made another
          b.write(out, 0, at);
          b.writeBytes(Long.toString(random.nextInt(3) == 0 ? random.nextLong()
              : random.nextInt(100_000)).getBytes(StandardCharsets.US_ASCII));
          b.write(out, at, out.length - at);
        }
      }
      out = b.toByteArray();
      if (out.length == 0) {
        out = new byte[] {'\r', '\n'};
      }
    }
    return out;
  }

  /** Sends, closes the sending side, and reads whatever comes until the server closes. */
  private static String exchange(int port, byte[] request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000); // every case ends at once: the client closed its side
      s.getOutputStream().write(request);
      s.shutdownOutput();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = s.getInputStream().read(buf)) >= 0) {
          answer.write(buf, 0, n);
        }
      } catch (java.net.SocketTimeoutException e) {
        throw new AssertionError("the server neither answered nor closed within 5 s after "
            + answer.size() + " bytes; the request was: "
            + new String(request, StandardCharsets.ISO_8859_1), e);
      } catch (IOException reset) {
        // what came before a reset counts
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
