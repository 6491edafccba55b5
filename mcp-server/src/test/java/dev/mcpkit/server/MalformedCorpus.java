package dev.mcpkit.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of hostile JSON-RPC bodies: malformed JSON, wrong types in every member,
 * huge and odd numbers, deep nesting, unknown methods, bad ids, and wrong params for every method
 * the server knows. The same seed gives the same corpus.
 */
final class MalformedCorpus {
  static final List<String> METHODS = List.of("initialize", "ping", "tools/list", "tools/call",
      "resources/list", "resources/read", "resources/templates/list", "resources/subscribe",
      "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete",
      "logging/setLevel", "server/discover", "notifications/initialized",
      "notifications/cancelled", "notifications/progress", "notifications/roots/list_changed",
      "sampling/createMessage", "elicitation/create", "roots/list", "tasks/get", "nope",
      "tools/call/extra", "$/cancelRequest", "rpc.discover", "");
  private static final List<String> TOOLS = List.of("echo", "add", "boom", "refuse", "missing",
      "", "ECHO", "echo ", "../echo", "e".repeat(300));
  private static final List<String> IDS = List.of("1", "\"a\"", "0", "-1", "1.5", "1e-400",
      "1e400", "0.30000000000000000001", "1E2", "-0", "9223372036854775808",
      "1" + "0".repeat(400), "null", "true", "{}", "[]", "[1]", "\"\"", "\"" + "i".repeat(2000)
          + "\"", "NaN", "Infinity", "0x10", "01", "+1", ".5", "1.", "\"\\u0000\"",
      "\"\\ud800\"");
  private static final List<String> VALUES = List.of("null", "true", "false", "0", "-1",
      "1e999999", "-1e-999999", "123456789012345678901234567890", "1.7976931348623157e309",
      "\"\"", "\"text\"", "\"\\u0000\\u001b[31m\"", "[]", "[null]", "{}", "{\"\":{}}",
      "\"" + "s".repeat(5000) + "\"", "[" + "1,".repeat(500) + "1]", "\"\\ud83d\"",
      "{\"_meta\":null}", "{\"_meta\":[]}", "{\"name\":null}", "{\"name\":{}}",
      "{\"uri\":\"file:///etc/passwd\"}", "{\"uri\":\"books://{x}/../..\"}",
      "{\"level\":\"shout\"}", "{\"ref\":{\"type\":\"ref/prompt\"}}",
      "{\"ref\":{\"type\":\"ref/resource\",\"uri\":7},\"argument\":{\"name\":1}}",
      "{\"cursor\":\"!!!\"}", "{\"cursor\":\"" + "A".repeat(300) + "\"}",
      "{\"requestId\":{},\"reason\":7}", "{\"progressToken\":[],\"progress\":\"x\"}",
      "{\"protocolVersion\":7,\"capabilities\":[],\"clientInfo\":\"x\"}",
      "{\"protocolVersion\":\"1999-01-01\",\"capabilities\":{},\"clientInfo\":{}}");

  private final Random random;

  MalformedCorpus(long seed) {
    this.random = new Random(seed);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** The next hostile body. */
  byte[] next() {
    String text = switch (random.nextInt(9)) {
      case 0 -> truncated();
      case 1 -> wrongMember();
      case 2 -> wrongParams();
      case 3 -> toolCall();
      case 4 -> deep();
      case 5 -> garbage();
      case 6 -> batch();
      case 7 -> message(pick(IDS), pick(METHODS), pick(VALUES));
      default -> null;
    };
    return text != null ? text.getBytes(StandardCharsets.UTF_8) : bytes();
  }

  private static String message(String id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\"" + (id == null ? "" : ",\"id\":" + id) + ",\"method\":\""
        + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
  }

  private String truncated() {
    String whole = message(pick(IDS), pick(METHODS), pick(VALUES));
    return whole.substring(0, random.nextInt(whole.length()));
  }

  private String wrongMember() {
    String value = pick(VALUES);
    return switch (random.nextInt(6)) {
      case 0 -> "{\"jsonrpc\":" + value + ",\"id\":1,\"method\":\"ping\"}";
      case 1 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + value + "}";
      case 2 -> "{\"jsonrpc\":\"2.0\",\"id\":" + value + ",\"method\":\"ping\"}";
      case 3 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + value + ",\"error\":" + value + "}";
      case 4 -> "{\"jsonrpc\":\"2.0\",\"id\":" + pick(IDS) + ",\"error\":" + value + "}";
      default -> "{\"id\":1,\"id\":" + value + ",\"jsonrpc\":\"2.0\",\"method\":\"ping\","
          + "\"method\":\"tools/list\"}";
    };
  }

  private String wrongParams() {
    String method = pick(METHODS);
    boolean notification = random.nextInt(4) == 0;
    return message(notification ? null : Integer.toString(random.nextInt(1000)), method,
        pick(VALUES));
  }

  private String toolCall() {
    String args = random.nextBoolean() ? pick(VALUES)
        : "{\"text\":" + pick(VALUES) + ",\"times\":" + pick(VALUES) + ",\"a\":" + pick(VALUES)
            + ",\"b\":" + pick(VALUES) + "}";
    String name = random.nextInt(5) == 0 ? pick(VALUES) : "\"" + pick(TOOLS) + "\"";
    return message(pick(IDS), "tools/call", "{\"name\":" + name + ",\"arguments\":" + args + "}");
  }

  private String deep() {
    int depth = List.of(150, 199, 201, 1000, 5000).get(random.nextInt(5));
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return message("1", "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":"
        + open.repeat(depth) + "1" + close.repeat(depth) + "}}");
  }

  private String garbage() {
    return pick(List.of("", " ", "null", "true", "1", "\"str\"", "[", "]", "{", "}", "{}", "[]",
        "[[]]", "[{}]", "{\"jsonrpc\":\"2.0\"}", "\ufeff{\"jsonrpc\":\"2.0\",\"id\":1,"
            + "\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}{}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} // comment", "NaN", "{'a':1}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",}", "\u0000", "<xml/>"));
  }

  private String batch() {
    int n = random.nextInt(6) == 0 ? 150 + random.nextInt(100) : 1 + random.nextInt(5);
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      elements.add(random.nextBoolean() ? pick(VALUES)
          : message(pick(IDS), pick(List.of("ping", "tools/list", "nope")), null));
    }
    return "[" + String.join(",", elements) + "]";
  }

  private byte[] bytes() {
    byte[] b = new byte[1 + random.nextInt(64)];
    random.nextBytes(b);
    return b;
  }
}
