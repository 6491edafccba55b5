package dev.mcpkit.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Host header check, against the grammar written as a regular expression. */
class HostHeaderTest {
  private static final Pattern GRAMMAR =
      Pattern.compile("(?:[A-Za-z0-9_.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

  @Test
  void namesAddressesAndPortsAreAcceptedAndEverythingElseRefused() {
    List<String> good = List.of("localhost", "localhost:8080", "127.0.0.1:1", "[::1]",
        "[::1]:65535", "a", "x".repeat(253), "my_host.example-1.org:443", "[fe80::1:2:3]:80");
    List<String> bad = List.of("", ":80", "localhost:", "localhost:123456", "localhost:{x}",
        "x".repeat(254), "[", "[]", "[:]:80", "[::1", "[::1]x", "[::1]:", "[g::1]", "a b",
        "host/path", "h:8:8", "[" + "1".repeat(46) + "]", "é.example", "localhost:8a");
    for (String h : good) {
      assertThat(HostHeader.isValid(h)).as(h).isTrue();
    }
    for (String h : bad) {
      assertThat(HostHeader.isValid(h)).as(h).isFalse();
    }
    assertThat(HostHeader.isValid(null)).isTrue();
  }

  @Test
  void agreesWithTheGrammarOnTwentyThousandRandomHeaders() {
    Random random = new Random(13);
    String alphabet = "aZ09_.-[]:/ {}%@\u00e9";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder h = new StringBuilder();
      int length = random.nextInt(i % 100 == 0 ? 300 : 12);
      for (int j = 0; j < length; j++) {
        h.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (i % 3 == 0) {
        h.insert(0, '[');
      }
      String host = h.toString();
      assertThat(HostHeader.isValid(host)).as(host).isEqualTo(GRAMMAR.matcher(host).matches());
    }
  }
}
