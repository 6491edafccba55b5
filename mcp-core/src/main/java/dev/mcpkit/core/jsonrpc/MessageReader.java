package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON-RPC text as it streams past: a batch is counted element by element and refused as soon
 * as it holds more than allowed (or at its first bracket when batches are not allowed), so an
 * oversize batch never becomes a tree. The top-level object of each message is read field by field,
 * which lets a fractional or exponent id keep its exact text; every other value becomes the tree the
 * shared mapper's tree reader would make (the same node types, numbers and duplicate keys alike),
 * built straight from the parser's tokens without a deserialization context per value.
 */
final class MessageReader {
  private final JsonFactory factory;
  private final ObjectReader treeReader;
  private final MessageInterpreter interpreter;

  MessageReader(JsonFactory factory, ObjectReader treeReader, MessageInterpreter interpreter) {
    this.factory = factory;
    this.treeReader = treeReader;
    this.interpreter = interpreter;
  }

  /** Reads one message; a batch is refused at its first bracket. */
  JsonRpcMessage readOne(byte[] json) {
    return (JsonRpcMessage) parse(json, 0);
  }

  /** @param maxBatch the most elements a batch may hold; 0 when batches are not allowed */
  Decoded read(byte[] json, int maxBatch) {
    Object read = parse(json, maxBatch);
    return read instanceof Decoded d ? d
        : new Decoded(List.of((JsonRpcMessage) read), List.of(), false);
  }

  /** A {@link Decoded} batch, or the one {@link JsonRpcMessage}. */
  private Object parse(byte[] json, int maxBatch) {
    if (json == null || json.length == 0) {
      throw parseError("Parse error: the body is empty");
    }
    try (JsonParser parser = factory.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw parseError("Parse error: the body is empty");
      }
      Object decoded = first == JsonToken.START_ARRAY ? batch(parser, maxBatch)
          : message(parser, first);
      if (parser.nextToken() != null) {
        throw parseError("Parse error: more than one JSON value"
            + where(parser.currentTokenLocation()) + "; send one message (or, where batches are"
            + " allowed, one JSON array of messages) per body or line");
      }
      return decoded;
    } catch (StreamConstraintsException e) {
      throw parseError("Parse error: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw parseError("Parse error: not valid JSON" + where(e.getLocation()) + ": "
          + MessageInterpreter.shorten(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Decoded batch(JsonParser parser, int maxBatch) throws IOException {
    if (maxBatch <= 0) {
      throw new JsonRpcParseException(ErrorCodes.INVALID_REQUEST,
          "Invalid request: JSON-RPC batches (arrays) are not supported by this protocol version;"
              + " only 2025-03-26 allows them. Send one message per request.", null);
    }
    List<JsonRpcMessage> messages = new ArrayList<>();
    List<JsonRpcResponse> rejected = new ArrayList<>();
    int count = 0;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t == null) {
        throw parseError("Parse error: not valid JSON: the batch's array is not closed");
      }
      if (++count > maxBatch) {
        throw new JsonRpcParseException(ErrorCodes.INVALID_REQUEST, "Invalid request: a batch"
            + " may hold at most " + maxBatch + " messages and this one holds more; send the"
            + " rest in further requests", null);
      }
      try {
        messages.add(message(parser, t));
      } catch (JsonRpcParseException e) {
        if (e.error().code() == ErrorCodes.PARSE_ERROR) {
          throw e;
        }
        rejected.add(e.toResponse());
      }
    }
    if (count == 0) {
      throw new JsonRpcParseException(ErrorCodes.INVALID_REQUEST, "Invalid request: empty batch",
          null);
    }
    return new Decoded(messages, rejected, true);
  }

  /**
   * Reads one value (the parser is on its first token) to its end and interprets it. An object's
   * six JSON-RPC members are kept as read (a later duplicate replacing an earlier one, as in a
   * tree); any other member is skipped by the parser, which still requires it to be valid JSON
   * within the read constraints, and builds nothing for it, since no message uses it.
   */
  private JsonRpcMessage message(JsonParser parser, JsonToken first) throws IOException {
    if (first != JsonToken.START_OBJECT) {
      return interpreter.interpret(treeReader.readTree(parser), null);
    }
    JsonNode version = null;
    JsonNode id = null;
    JsonNode method = null;
    JsonNode params = null;
    JsonNode result = null;
    JsonNode error = null;
    String exactId = null;
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "jsonrpc" -> version = value(parser, value);
        case "method" -> method = value(parser, value);
        case "params" -> params = value(parser, value);
        case "result" -> result = value(parser, value);
        case "error" -> error = value(parser, value);
        case "id" -> {
          // a later duplicate wins, as in a tree; only a fraction or exponent keeps its text
          exactId = value == JsonToken.VALUE_NUMBER_FLOAT ? parser.getText() : null;
          id = exactId != null ? DecimalNode.valueOf(parser.getDecimalValue())
              : value(parser, value);
        }
        default -> parser.skipChildren(); // read by the parser, so it must be valid; dropped
      }
    }
    return interpreter.interpret(version, id, method, params, result, error, exactId);
  }

  /**
   * The value the parser is on, with everything inside it, as a tree: the nodes the mapper's tree
   * reader makes (JsonNodeFactory's defaults: int, long or big-integer nodes by size, doubles for
   * fractions and exponents, a later duplicate key replacing an earlier one in its place). Nesting
   * is bounded by the parser's read constraints.
   */
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw parseError("Parse error: not valid JSON: the body ends inside a value");
    }
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          if (t != JsonToken.FIELD_NAME) {
            throw parseError("Parse error: not valid JSON: an object is not closed");
          }
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      }
      case VALUE_STRING -> {
        return TextNode.valueOf(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return integer(parser);
      }
      case VALUE_NUMBER_FLOAT -> {
        return DoubleNode.valueOf(parser.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return BooleanNode.TRUE;
      }
      case VALUE_FALSE -> {
        return BooleanNode.FALSE;
      }
      case VALUE_NULL -> {
        return NullNode.instance;
      }
      default -> throw parseError("Parse error: not valid JSON: unexpected " + token);
    }
  }

  /** An integer node of the type the tree reader would pick. */
  private static JsonNode integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> IntNode.valueOf(parser.getIntValue());
      case LONG -> LongNode.valueOf(parser.getLongValue());
      default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
    };
  }

  private static JsonRpcParseException parseError(String message) {
    return new JsonRpcParseException(ErrorCodes.PARSE_ERROR, message, null);
  }

  private static String where(JsonLocation location) {
    return location == null ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
