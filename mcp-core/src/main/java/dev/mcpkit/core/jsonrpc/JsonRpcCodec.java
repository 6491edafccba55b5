package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.mcpkit.core.json.McpJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes JSON-RPC 2.0 messages. Stateless and thread-safe.
 *
 * <p>Reading rejects what is not exactly one JSON value (including a second value or other text
 * after the first) with {@link ErrorCodes#PARSE_ERROR} and what is JSON but not JSON-RPC with
 * {@link ErrorCodes#INVALID_REQUEST}, each with a message that says what was wrong and where.
 * Batches (JSON arrays) are read only when the caller allows them (protocol 2025-03-26).
 */
public final class JsonRpcCodec {
  private static final JsonRpcCodec INSTANCE = new JsonRpcCodec(McpJson.mapper());
  private final ObjectMapper mapper;
  // a reader made once: ObjectMapper.readTree resolves the type and root deserializer per call
  private final ObjectReader treeReader;

  private JsonRpcCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    this.treeReader = mapper.readerFor(JsonNode.class);
  }

  public static JsonRpcCodec instance() {
    return INSTANCE;
  }

  /** Reads exactly one message; a batch is rejected. */
  public JsonRpcMessage decode(byte[] json) {
    JsonNode tree = readTree(json);
    if (tree.isArray()) {
      throw batchNotAllowed();
    }
    return fromTree(tree);
  }

  public JsonRpcMessage decode(String json) {
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads one message or, when {@code allowBatch}, a batch.
   *
   * @throws JsonRpcParseException for input that is not JSON, not JSON-RPC, or a batch not allowed
   */
  public Decoded decode(byte[] json, boolean allowBatch) {
    JsonNode tree = readTree(json);
    if (tree.isArray()) {
      if (!allowBatch) {
        throw batchNotAllowed();
      }
      if (tree.isEmpty()) {
        throw new JsonRpcParseException(ErrorCodes.INVALID_REQUEST, "Invalid request: empty batch", null);
      }
      List<JsonRpcMessage> messages = new ArrayList<>(tree.size());
      List<JsonRpcResponse> rejected = new ArrayList<>();
      for (JsonNode element : tree) {
        try {
          messages.add(fromTree(element));
        } catch (JsonRpcParseException e) {
          rejected.add(e.toResponse());
        }
      }
      return new Decoded(messages, rejected, true);
    }
    return new Decoded(List.of(fromTree(tree)), List.of(), false);
  }

  private static JsonRpcParseException batchNotAllowed() {
    return new JsonRpcParseException(ErrorCodes.INVALID_REQUEST,
        "Invalid request: JSON-RPC batches (arrays) are not supported by this protocol version;"
            + " only 2025-03-26 allows them. Send one message per request.", null);
  }

  private JsonNode readTree(byte[] json) {
    if (json == null || json.length == 0) {
      throw new JsonRpcParseException(ErrorCodes.PARSE_ERROR, "Parse error: the body is empty", null);
    }
    JsonNode tree;
    try (JsonParser parser = mapper.getFactory().createParser(json)) {
      tree = treeReader.readTree(parser);
      if (tree != null && parser.nextToken() != null) {
        throw new JsonRpcParseException(ErrorCodes.PARSE_ERROR, "Parse error: more than one JSON"
            + " value" + where(parser.currentTokenLocation()) + "; send one message (or, where"
            + " batches are allowed, one JSON array of messages) per body or line", null);
      }
    } catch (StreamConstraintsException e) {
      throw new JsonRpcParseException(ErrorCodes.PARSE_ERROR,
          "Parse error: " + e.getOriginalMessage(), null);
    } catch (JsonProcessingException e) {
      throw new JsonRpcParseException(ErrorCodes.PARSE_ERROR,
          "Parse error: not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage(),
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new JsonRpcParseException(ErrorCodes.PARSE_ERROR, "Parse error: the body is empty", null);
    }
    return tree;
  }

  private static String where(JsonLocation location) {
    return location == null ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Interprets a JSON tree as one message. */
  public JsonRpcMessage fromTree(JsonNode node) {
    if (!node.isObject()) {
      throw invalid("a JSON-RPC message must be a JSON object, got " + describe(node), null);
    }
    JsonNode idNode = node.get("id");
    RequestId id = readId(idNode);
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isTextual() || !"2.0".equals(version.textValue())) {
      throw invalid("\"jsonrpc\" must be the string \"2.0\", got "
          + (version == null ? "nothing" : version.toString()), id);
    }
    JsonNode method = node.get("method");
    if (method != null) {
      if (!method.isTextual() || method.textValue().isEmpty()) {
        throw invalid("\"method\" must be a non-empty string, got " + method, id);
      }
      JsonNode params = node.get("params");
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
    JsonNode result = node.get("result");
    JsonNode error = node.get("error");
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
    throw invalid("not a request, notification or response: no \"method\", \"result\" or \"error\"", id);
  }

  private RequestId readId(JsonNode idNode) {
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
      if (!idNode.isBigDecimal() && !Double.isFinite(idNode.doubleValue())) {
        throw invalid("\"id\" is a number too large to keep as sent; use a string or an integer"
            + " id", null);
      }
      return RequestId.of(idNode.decimalValue());
    }
    throw invalid("\"id\" must be a string or a number, got " + describe(idNode), null);
  }

  private JsonRpcError readError(JsonNode error, RequestId id) {
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

  private static String describe(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> type.name().toLowerCase();
    };
  }

  /**
   * Writes one message as compact UTF-8 JSON. Like Jackson's own {@code writeValueAsBytes}, it
   * writes into Jackson's recycled buffers rather than a fresh stream buffer per message.
   */
  public byte[] encode(JsonRpcMessage message) {
    BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      encode(message, out);
      byte[] bytes = out.toByteArray();
      out.release();
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  public String encodeToString(JsonRpcMessage message) {
    return new String(encode(message), StandardCharsets.UTF_8);
  }

  /** Writes one message to a stream without closing it. */
  public void encode(JsonRpcMessage message, OutputStream out) throws IOException {
    try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(gen, message);
    }
  }

  /** Writes several messages as one JSON array (a batch answer). */
  public byte[] encodeBatch(List<? extends JsonRpcMessage> messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * messages.size());
    try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
      gen.writeStartArray();
      for (JsonRpcMessage m : messages) {
        write(gen, m);
      }
      gen.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void write(JsonGenerator gen, JsonRpcMessage message) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("jsonrpc", "2.0");
    if (message instanceof JsonRpcRequest r) {
      writeId(gen, r.id());
      gen.writeStringField("method", r.method());
      if (r.params() != null) {
        gen.writeFieldName("params");
        mapper.writeTree(gen, r.params());
      }
    } else if (message instanceof JsonRpcNotification n) {
      gen.writeStringField("method", n.method());
      if (n.params() != null) {
        gen.writeFieldName("params");
        mapper.writeTree(gen, n.params());
      }
    } else if (message instanceof JsonRpcResponse.Result r) {
      writeId(gen, r.id());
      gen.writeFieldName("result");
      mapper.writeTree(gen, r.result());
    } else if (message instanceof JsonRpcResponse.Error e) {
      writeId(gen, e.id());
      gen.writeObjectFieldStart("error");
      gen.writeNumberField("code", e.error().code());
      gen.writeStringField("message", e.error().message());
      if (e.error().data() != null) {
        gen.writeFieldName("data");
        mapper.writeTree(gen, e.error().data());
      }
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static void writeId(JsonGenerator gen, RequestId id) throws IOException {
    gen.writeFieldName("id");
    if (id == null) {
      gen.writeNull();
      return;
    }
    Object v = id.value();
    if (v instanceof String s) {
      gen.writeString(s);
    } else if (v instanceof Long l) {
      gen.writeNumber(l);
    } else if (v instanceof BigInteger b) {
      gen.writeNumber(b);
    } else {
      gen.writeNumber((BigDecimal) v);
    }
  }
}
