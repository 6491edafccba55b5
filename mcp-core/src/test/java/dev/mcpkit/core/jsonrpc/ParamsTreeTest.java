package dev.mcpkit.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The codec builds a request's params tree from the parser's tokens itself; it must be the very
 * tree the shared mapper's tree reader makes from the same text: equal, with the same node class
 * at every place (an int stays an int node, a fraction a double node, a huge integer a big-integer
 * node), the same key order, and a later duplicate key winning in the earlier one's place.
 */
class ParamsTreeTest {

  @Test
  void randomParamsBecomeTheTreeTheMapperMakes() throws Exception {
    Random random = new Random(20261207);
    for (int i = 0; i < 3_000; i++) {
      String params = value(random, 0);
      if (!params.startsWith("{")) {
        params = "{\"v\":" + params + "}";
      }
      assertSameTree(params);
    }
  }

  @Test
  void edgeValuesBecomeTheTreeTheMapperMakes() throws Exception {
    for (String params : new String[] {
        "{}", "{\"a\":[]}", "{\"a\":{}}", "{\"a\":null,\"b\":true,\"c\":false}",
        "{\"n\":[0,-0,1,-1,2147483647,2147483648,-2147483648,-2147483649]}",
        "{\"n\":[9223372036854775807,9223372036854775808,-9223372036854775809,"
            + "123456789012345678901234567890]}",
        "{\"f\":[0.0,-0.0,1.5,1e2,1E-2,-1.25e+3,0.30000000000000000001,1e-400,1e400]}",
        "{\"s\":[\"\",\"\\u0000\\n\\t\\\"\\\\\",\"\\ud83d\\ude00\",\"é日本\"]}",
        "{\"d\":1,\"x\":2,\"d\":3}", "{\"o\":{\"k\":[1,{\"k\":[2,{\"k\":3}]}]}}",
        "{\"a\":[[[[[[[[[[1]]]]]]]]]]}"}) {
      assertSameTree(params);
    }
  }

  @Test
  void nestingBeyondTheReadConstraintIsAParseError() {
    String deep = "[".repeat(300) + "]".repeat(300);

    assertThatThrownBy(() -> JsonRpcCodec.instance().decode(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"d\":" + deep + "}}"))
        .isInstanceOf(JsonRpcParseException.class)
        .satisfies(e -> assertThat(((JsonRpcParseException) e).error().code())
            .isEqualTo(ErrorCodes.PARSE_ERROR));
  }

  private static void assertSameTree(String params) throws Exception {
    JsonNode expected = McpJson.mapper().readTree(params);
    JsonRpcRequest request = (JsonRpcRequest) JsonRpcCodec.instance().decode(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":" + params + "}");

    assertThat(request.params()).as(params).isEqualTo(expected);
    assertSameClasses(request.params(), expected, params);
  }

  private static void assertSameClasses(JsonNode actual, JsonNode expected, String where) {
    assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> a = actual.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> e = expected.properties().iterator();
      while (e.hasNext()) {
        Map.Entry<String, JsonNode> x = e.next();
        Map.Entry<String, JsonNode> y = a.next();
        assertThat(y.getKey()).as(where).isEqualTo(x.getKey());
        assertSameClasses(y.getValue(), x.getValue(), where);
      }
      assertThat(a.hasNext()).as(where).isFalse();
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameClasses(actual.get(i), expected.get(i), where);
      }
    }
  }

  static String value(Random r, int depth) {
    int kind = depth > 6 ? 2 + r.nextInt(6) : r.nextInt(8);
    switch (kind) {
      case 0: {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
          }
          // a small key alphabet, so duplicate keys occur
          sb.append('"').append((char) ('a' + r.nextInt(4))).append("\":").append(value(r, depth + 1));
        }
        return sb.append('}').toString();
      }
      case 1: {
        StringBuilder sb = new StringBuilder("[");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append(value(r, depth + 1));
        }
        return sb.append(']').toString();
      }
      case 2:
        return Long.toString(r.nextInt());
      case 3:
        return r.nextBoolean() ? Long.toString(r.nextLong())
            : new java.math.BigInteger(90, r).negate().toString();
      case 4:
        return (r.nextBoolean() ? "-" : "") + new java.math.BigDecimal(r.nextDouble())
            .round(new java.math.MathContext(1 + r.nextInt(25))).toPlainString()
            + (r.nextBoolean() ? "" : (r.nextBoolean() ? "e" : "E") + (r.nextInt(40) - 20));
      case 5: {
        String[] pieces = {"a", "\\n", "\\\"", "\\u00e9", "日", "\\ud83d\\ude00", " ", "\\\\"};
        StringBuilder sb = new StringBuilder("\"");
        for (int i = r.nextInt(6); i > 0; i--) {
          sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.append('"').toString();
      }
      case 6:
        return r.nextBoolean() ? "true" : "false";
      default:
        return "null";
    }
  }
}
