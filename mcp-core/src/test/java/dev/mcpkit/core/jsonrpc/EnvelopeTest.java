package dev.mcpkit.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The codec reads a message object's members one by one rather than into a tree first. Whatever
 * the members, their order, duplicates and values, the outcome must be the one the interpreter
 * gives for the whole object read as a tree (with a fractional id kept as sent, as reading the
 * text does): the same message, or the same refusal with the same code, text and id.
 */
class EnvelopeTest {
  private static final String[] NAMES = {"jsonrpc", "id", "method", "params", "result", "error",
      "extra", "Method"};

  @Test
  void randomMessagesReadAsTheTreeInterpreterReadsThem() throws Exception {
    Random random = new Random(20261207L);
    int messages = 0;
    int refusals = 0;
    for (int i = 0; i < 5_000; i++) {
      String text = envelope(random);
      Object viaMembers = outcome(() -> JsonRpcCodec.instance().decode(text));
      Object viaTree = outcome(() -> asTree(text));
      assertThat(viaMembers).as(text).isEqualTo(viaTree);
      if (viaMembers instanceof String s && s.startsWith("refused")) {
        refusals++;
      } else {
        messages++;
      }
    }
    // the generator must reach both sides, or the comparison proves little
    assertThat(messages).isGreaterThan(300);
    assertThat(refusals).isGreaterThan(500);
  }

  @Test
  void aLaterDuplicateMemberWins() {
    JsonRpcRequest r = (JsonRpcRequest) JsonRpcCodec.instance().decode(
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"a\",\"params\":{\"x\":1},"
            + "\"jsonrpc\":\"2.0\",\"id\":\"two\",\"method\":\"b\",\"params\":{\"y\":2}}");
    assertThat(r.id()).isEqualTo(RequestId.of("two"));
    assertThat(r.method()).isEqualTo("b");
    assertThat(r.params().toString()).isEqualTo("{\"y\":2}");

    JsonRpcRequest exact = (JsonRpcRequest) JsonRpcCodec.instance().decode(
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"id\":1E2,\"method\":\"m\"}");
    assertThat(JsonRpcCodec.instance().encodeToString(JsonRpcResponse.result(exact.id(),
        McpJson.object()))).contains("\"id\":1E2");
    JsonRpcRequest integer = (JsonRpcRequest) JsonRpcCodec.instance().decode(
        "{\"jsonrpc\":\"2.0\",\"id\":0.5,\"id\":7,\"method\":\"m\"}");
    assertThat(integer.id()).isEqualTo(RequestId.of(7));
  }

  @Test
  void anUnknownMemberMustStillBeValidJsonWithinTheReadConstraints() {
    for (String bad : new String[] {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"extra\":[1,}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"extra\":{\"a\" 1}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"extra\":" + "[".repeat(300)
            + "]".repeat(300) + "}"}) {
      assertThatThrownBy(() -> JsonRpcCodec.instance().decode(bad)).as(bad)
          .isInstanceOf(JsonRpcParseException.class)
          .satisfies(e -> assertThat(((JsonRpcParseException) e).error().code())
              .isEqualTo(ErrorCodes.PARSE_ERROR));
    }
  }

  /** The object as a tree, its last {@code id} as the text reader keeps a fractional one. */
  private static JsonRpcMessage asTree(String text) throws Exception {
    ObjectNode tree = (ObjectNode) McpJson.mapper().readTree(text);
    String exactId = null;
    try (JsonParser p = McpJson.mapper().getFactory().createParser(text)) {
      p.nextToken();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("id")) {
          exactId = value == JsonToken.VALUE_NUMBER_FLOAT ? p.getText() : null;
        }
        p.skipChildren();
      }
    }
    if (exactId != null) {
      tree.set("id", DecimalNode.valueOf(new BigDecimal(exactId)));
    }
    return new MessageInterpreter().interpret(tree, exactId);
  }

  private interface Read {
    JsonRpcMessage read() throws Exception;
  }

  /** A comparable description of what reading gave: the message's parts, or the refusal. */
  private static Object outcome(Read read) {
    try {
      JsonRpcMessage m = read.read();
      return m.getClass().getSimpleName() + " " + McpJson.mapper().readTree(
          JsonRpcCodec.instance().encode(m));
    } catch (JsonRpcParseException e) {
      return "refused " + e.error().code() + " " + e.error().message() + " id " + e.id();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String envelope(Random r) {
    StringBuilder sb = new StringBuilder("{");
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      // the usual members more often than the others, so that many messages are valid
      String name = r.nextInt(4) == 0 ? NAMES[r.nextInt(NAMES.length)]
          : NAMES[i % 4 == 0 ? 0 : i % 4 == 1 ? 1 : i % 4 == 2 ? 2 : 3];
      sb.append('"').append(name).append("\":").append(member(r, name));
    }
    return sb.append('}').toString();
  }

  private static String member(Random r, String name) {
    if (r.nextInt(5) == 0) {
      return ParamsTreeTest.value(r, 3); // anything at all
    }
    return switch (name) {
      case "jsonrpc" -> r.nextInt(6) == 0 ? "\"1.0\"" : "\"2.0\"";
      case "id" -> new String[] {"1", "\"a\"", "null", "9223372036854775808", "0.5", "1E2",
          "-0", "1e400", "true"}[r.nextInt(9)];
      case "method" -> new String[] {"\"tools/call\"", "\"\"", "\"ping\"", "3"}[r.nextInt(4)];
      case "params" -> r.nextInt(4) == 0 ? "null" : "{\"name\":\"echo\",\"n\":[1,2.5]}";
      case "result" -> "{\"content\":[]}";
      case "error" -> new String[] {"{\"code\":-32601,\"message\":\"x\"}", "{\"code\":1.5}",
          "{\"code\":1,\"message\":\"m\",\"data\":[1]}", "\"e\""}[r.nextInt(4)];
      default -> ParamsTreeTest.value(r, 2);
    };
  }
}
