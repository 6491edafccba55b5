package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * Turns one JSON value into a JSON-RPC message, or says in a {@link JsonRpcParseException} what
 * keeps it from being one. Messages quote at most {@value #QUOTE_LIMIT} characters of what was
 * sent, so an error answer stays small however large the offending value.
 */
final class MessageInterpreter {
  static final int QUOTE_LIMIT = 120;

  /**
   * @param exactIdText the id's number text as sent, when the id is a number with a fraction or an
   *     exponent; null otherwise
   */
  JsonRpcMessage interpret(JsonNode node, String exactIdText) {
    if (!node.isObject()) {
      throw invalid("a JSON-RPC message must be a JSON object, got " + describe(node), null);
    }
    return interpret(node.get("jsonrpc"), node.get("id"), node.get("method"), node.get("params"),
        node.get("result"), node.get("error"), exactIdText);
  }

  /**
   * The same for a message object's members, each null where the object does not have it (other
   * members play no part).
   */
  JsonRpcMessage interpret(JsonNode version, JsonNode idNode, JsonNode method, JsonNode params,
      JsonNode result, JsonNode error, String exactIdText) {
    RequestId id = readId(idNode, exactIdText);
    if (version == null || !version.isTextual() || !"2.0".equals(version.textValue())) {
      throw invalid("\"jsonrpc\" must be the string \"2.0\", got "
          + (version == null ? "nothing" : shorten(version.toString())), id);
    }
    if (method != null) {
      if (!method.isTextual() || method.textValue().isEmpty()) {
        throw invalid("\"method\" must be a non-empty string, got " + shorten(method.toString()),
            id);
      }
      if (params != null && params.isNull()) {
        params = null;
      }
      if (params != null && !params.isObject()) {
        throw invalid("\"params\" must be an object, got " + describe(params), id);
      }
      if (idNode == null) {
        return new JsonRpcNotification(method.textValue(), params);
      }
      if (id == null) {
        throw invalid("a request id must be a string or a number, not null", null);
      }
      return new JsonRpcRequest(id, method.textValue(), params);
    }
    if (result != null && error != null) {
      throw invalid("a response has either \"result\" or \"error\", not both", id);
    }
    if (result != null) {
      if (id == null) {
        throw invalid("a result response needs the id of its request", null);
      }
      return new JsonRpcResponse.Result(id, result);
    }
    if (error != null) {
      return new JsonRpcResponse.Error(id, readError(error, id));
    }
    throw invalid("not a request, notification or response: no \"method\", \"result\" or"
        + " \"error\"", id);
  }

  private static RequestId readId(JsonNode idNode, String exactIdText) {
    if (idNode == null || idNode.isNull()) {
      return null;
    }
    if (idNode.isTextual()) {
      return RequestId.of(idNode.textValue());
    }
    if (idNode.isIntegralNumber()) {
      return idNode.canConvertToLong() ? RequestId.of(idNode.longValue())
          : RequestId.of(idNode.bigIntegerValue());
    }
    if (idNode.isNumber()) {
      if (exactIdText != null) {
        return RequestId.exact(idNode.decimalValue(), exactIdText);
      }
      if (!idNode.isBigDecimal() && !Double.isFinite(idNode.doubleValue())) {
        throw invalid("\"id\" is a number too large to keep as sent; use a string or an integer"
            + " id", null);
      }
      return RequestId.of(idNode.decimalValue());
    }
    throw invalid("\"id\" must be a string or a number, got " + describe(idNode), null);
  }

  private static JsonRpcError readError(JsonNode error, RequestId id) {
    if (!error.isObject()) {
      throw invalid("\"error\" must be an object, got " + describe(error), id);
    }
    JsonNode code = error.get("code");
    JsonNode message = error.get("message");
    if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
      throw invalid("\"error.code\" must be an integer", id);
    }
    if (message == null || !message.isTextual()) {
      throw invalid("\"error.message\" must be a string", id);
    }
    return new JsonRpcError(code.intValue(), message.textValue(), error.get("data"));
  }

  private static JsonRpcParseException invalid(String why, RequestId id) {
    return new JsonRpcParseException(ErrorCodes.INVALID_REQUEST, "Invalid request: " + why, id);
  }

  /** At most {@link #QUOTE_LIMIT} characters of {@code text}, marked when cut. */
  static String shorten(String text) {
    return text == null || text.length() <= QUOTE_LIMIT ? text
        : text.substring(0, QUOTE_LIMIT) + "... (" + text.length() + " characters)";
  }

  static String describe(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
