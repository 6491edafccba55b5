package dev.mcpkit.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpkit.core.json.McpJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcCodecTest {
  private final JsonRpcCodec codec = JsonRpcCodec.instance();

  private static JsonNode tree(String json) throws Exception {
    return McpJson.mapper().readTree(json);
  }

  private JsonRpcParseException rejection(String json) {
    try {
      codec.decode(json);
    } catch (JsonRpcParseException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void requestRoundTripsWithItsStringIdKeptAsSent() throws Exception {
    String json = "{\"jsonrpc\":\"2.0\",\"id\":\"abc-1\",\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}}";
    JsonRpcMessage m = codec.decode(json);
    assertThat(m).isInstanceOf(JsonRpcRequest.class);
    JsonRpcRequest r = (JsonRpcRequest) m;
    assertThat(r.id().value()).isEqualTo("abc-1");
    assertThat(r.method()).isEqualTo("tools/call");
    assertThat(tree(codec.encodeToString(m))).isEqualTo(tree(json));
  }

  @Test
  void numericIdsStayNumbersEvenWhenHugeOrFractional() throws Exception {
    for (String id : List.of("7", "0", "-3", "123456789012345678901234567890", "1.5")) {
      String json = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}";
      JsonRpcMessage m = codec.decode(json);
      assertThat(tree(codec.encodeToString(m)).get("id").isNumber()).as(id).isTrue();
      assertThat(tree(codec.encodeToString(m))).as(id).isEqualTo(tree(json));
    }
    assertThat(((JsonRpcResponse) codec.decode("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"result\":{}}")).id().value())
        .isInstanceOf(BigInteger.class);
    assertThat(((JsonRpcResponse) codec.decode("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"result\":{}}")).id().value())
        .isInstanceOf(BigDecimal.class);
  }

  @Test
  void stringAndNumberIdsWithTheSameDigitsAreDifferentIds() {
    assertThat(RequestId.of("1")).isNotEqualTo(RequestId.of(1));
    assertThat(RequestId.of(1)).isEqualTo(RequestId.of(Integer.valueOf(1)));
  }

  @Test
  void notificationHasNoIdAndNoResponse() throws Exception {
    JsonRpcMessage m = codec.decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(m).isEqualTo(new JsonRpcNotification("notifications/initialized", null));
    assertThat(tree(codec.encodeToString(m)).has("id")).isFalse();
  }

  @Test
  void errorResponseKeepsCodeMessageAndData() throws Exception {
    String json = "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32602,\"message\":\"bad\","
        + "\"data\":{\"field\":\"x\"}}}";
    JsonRpcResponse.Error e = (JsonRpcResponse.Error) codec.decode(json);
    assertThat(e.error().code()).isEqualTo(-32602);
    assertThat(e.error().data().get("field").asText()).isEqualTo("x");
    assertThat(tree(codec.encodeToString(e))).isEqualTo(tree(json));
  }

  @Test
  void errorAboutAnUnreadableMessageCarriesANullId() throws Exception {
    JsonRpcResponse error = JsonRpcResponse.error(null, ErrorCodes.PARSE_ERROR, "Parse error");
    JsonNode written = tree(codec.encodeToString(error));
    assertThat(written.get("id").isNull()).isTrue();
    assertThat(codec.decode(codec.encode(error))).isEqualTo(error);
  }

  @Test
  void textThatIsNotJsonIsAParseErrorThatSaysWhere() {
    JsonRpcParseException e = rejection("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertThat(e.code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(e.error().message()).startsWith("Parse error: not valid JSON at line 1");
    assertThat(e.toResponse().id()).isNull();
  }

  @Test
  void anEmptyBodyIsAParseError() {
    assertThatThrownBy(() -> codec.decode(new byte[0]))
        .isInstanceOfSatisfying(JsonRpcParseException.class,
            e -> assertThat(e.error().message()).contains("empty"));
    assertThat(rejection("   ").code()).isEqualTo(ErrorCodes.PARSE_ERROR);
  }

  @Test
  void absurdlyDeepNestingIsAParseErrorNotAStackOverflow() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":" + deep + "}}";
    assertThat(rejection(json).code()).isEqualTo(ErrorCodes.PARSE_ERROR);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a second message | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"} | more than one JSON value at line 1, column 41",
      "a second value after whitespace | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} 7"
          + " | more than one JSON value at line 1, column 42",
      "a word | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} xyz | not valid JSON at line 1",
      "a comment | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} // ok? | not valid JSON at line 1",
  })
  void anythingAfterTheMessageIsAParseErrorNotSilentlyDropped(String what, String json, String says) {
    JsonRpcParseException e = rejection(json);
    assertThat(e.code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(e.error().message()).startsWith("Parse error: ").contains(says);
    assertThat(e.toResponse().id()).isNull();
  }

  @Test
  void whitespaceAfterTheMessageIsFine() {
    assertThat(codec.decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} \r\n\t"))
        .isEqualTo(new JsonRpcRequest(RequestId.of(1), "ping", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1.5e999", "1e-400", "0.30000000000000000001", "1E2",
      "1e+2", "1.10", "-0.0", "2.5"})
  void aFractionalOrExponentIdGoesBackWithTheExactTextItCameWith(String id) {
    JsonRpcMessage request = codec.decode("{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"method\":\"ping\"}");
    JsonRpcResponse answer = JsonRpcResponse.result(((JsonRpcRequest) request).id(),
        JsonNodeFactory.instance.objectNode());

    assertThat(codec.encodeToString(answer)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"result\":{}}");
    assertThat(((JsonRpcRequest) request).id().toString()).isEqualTo(id);
  }

  @Test
  void anExponentIdIsTheSameIdHoweverItsExponentIsSpelt() {
    RequestId upper = ((JsonRpcRequest) codec.decode(
        "{\"jsonrpc\":\"2.0\",\"id\":1E2,\"method\":\"ping\"}")).id();
    RequestId lower = ((JsonRpcRequest) codec.decode(
        "{\"jsonrpc\":\"2.0\",\"id\":1e+2,\"method\":\"ping\"}")).id();

    assertThat(upper).isEqualTo(lower).isNotEqualTo(RequestId.of(100));
  }

  @Test
  void aRequestIdCannotBeNaNOrInfinite() {
    assertThatThrownBy(() -> RequestId.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> RequestId.of(Float.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThat(RequestId.of(Double.valueOf(2.5)).value()).isEqualTo(new BigDecimal("2.5"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a number instead of an object | 42 | must be a JSON object",
      "a string instead of an object | \"hello\" | must be a JSON object",
      "no jsonrpc member | {\"id\":1,\"method\":\"ping\"} | \"jsonrpc\" must be the string \"2.0\"",
      "jsonrpc 1.0 | {\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"} | \"jsonrpc\" must be the string \"2.0\"",
      "method not a string | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5} | \"method\" must be a non-empty string",
      "empty method | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"} | \"method\" must be a non-empty string",
      "params an array | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]} | \"params\" must be an object",
      "params a string | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":\"p\"} | \"params\" must be an object",
      "a null request id | {\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"x\"} | not null",
      "a boolean id | {\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"x\"} | \"id\" must be a string or a number",
      "an object id | {\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"} | \"id\" must be a string or a number",
      "result and error | {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}} | not both",
      "result without id | {\"jsonrpc\":\"2.0\",\"result\":{}} | needs the id",
      "error without code | {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"message\":\"m\"}} | error.code",
      "error code a string | {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\",\"message\":\"m\"}} | error.code",
      "error without message | {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1}} | error.message",
      "nothing recognisable | {\"jsonrpc\":\"2.0\",\"id\":1} | no \"method\", \"result\" or \"error\"",
  })
  void jsonThatIsNotJsonRpcIsAnInvalidRequestSayingWhy(String what, String json, String says) {
    JsonRpcParseException e = rejection(json);
    assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(e.error().message()).startsWith("Invalid request: ").contains(says);
  }

  @Test
  void anInvalidRequestKeepsItsIdSoTheErrorCanBeCorrelated() {
    JsonRpcParseException e = rejection("{\"jsonrpc\":\"2.0\",\"id\":\"q7\",\"method\":\"x\",\"params\":[]}");
    assertThat(e.id()).isEqualTo(RequestId.of("q7"));
    assertThat(e.toResponse().id()).isEqualTo(RequestId.of("q7"));
  }

  @Test
  void batchesAreRejectedUnlessTheProtocolVersionAllowsThem() {
    byte[] batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(batch, false))
        .isInstanceOfSatisfying(JsonRpcParseException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("2025-03-26");
        });
    Decoded d = codec.decode(batch, true);
    assertThat(d.batch()).isTrue();
    assertThat(d.messages()).hasSize(1);
  }

  @Test
  void aBatchAnswersItsInvalidElementsAndKeepsTheValidOnesInOrder() {
    byte[] batch = ("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":7},"
        + "5,"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}]").getBytes(StandardCharsets.UTF_8);
    Decoded d = codec.decode(batch, true);
    assertThat(d.messages()).extracting(m -> m.getClass().getSimpleName())
        .containsExactly("JsonRpcRequest", "JsonRpcNotification");
    assertThat(d.rejected()).hasSize(2);
    assertThat(d.rejected().get(0).id()).isEqualTo(RequestId.of(2));
    assertThat(d.rejected().get(1).id()).isNull();
  }

  @Test
  void anEmptyBatchIsAnInvalidRequest() {
    assertThatThrownBy(() -> codec.decode("[]".getBytes(StandardCharsets.UTF_8), true))
        .isInstanceOfSatisfying(JsonRpcParseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST));
  }

  @Test
  void aBatchAnswerIsAJsonArray() throws Exception {
    byte[] out = codec.encodeBatch(List.of(
        JsonRpcResponse.result(RequestId.of(1), McpJson.object()),
        JsonRpcResponse.error(RequestId.of(2), ErrorCodes.METHOD_NOT_FOUND, "Method not found: x")));
    JsonNode t = McpJson.mapper().readTree(out);
    assertThat(t.isArray()).isTrue();
    assertThat(t.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void unknownTopLevelMembersDoNotBreakParsing() {
    JsonRpcMessage m = codec.decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"extra\":true}");
    assertThat(m).isInstanceOf(JsonRpcRequest.class);
  }

  @Test
  void nullParamsAreTreatedAsAbsent() {
    JsonRpcRequest r = (JsonRpcRequest) codec.decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null}");
    assertThat(r.params()).isNull();
  }
}
