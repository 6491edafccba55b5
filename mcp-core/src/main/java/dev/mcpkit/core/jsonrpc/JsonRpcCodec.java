package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpkit.core.json.McpJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads and writes JSON-RPC 2.0 messages. Stateless and thread-safe.
 *
 * <p>Reading rejects what is not exactly one JSON value (including a second value or other text
 * after the first) with {@link ErrorCodes#PARSE_ERROR} and what is JSON but not JSON-RPC with
 * {@link ErrorCodes#INVALID_REQUEST}, each with a message that says what was wrong and where.
 * Batches (JSON arrays) are read only when the caller allows them (protocol 2025-03-26), and only
 * up to a number of elements counted while parsing. A request id is kept exactly as sent: a number
 * with a fraction or an exponent is written back with the very text it arrived with.
 */
public final class JsonRpcCodec {
  private static final JsonRpcCodec INSTANCE = new JsonRpcCodec(McpJson.mapper());
  /** The most messages one batch may hold unless the caller says otherwise. */
  public static final int DEFAULT_MAX_BATCH_ELEMENTS = 100;
  private final ObjectMapper mapper;
  private final MessageInterpreter interpreter = new MessageInterpreter();
  private final MessageReader reader;

  private JsonRpcCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    // a reader made once: ObjectMapper.readTree resolves the type and root deserializer per call
    this.reader = new MessageReader(mapper.getFactory(), mapper.readerFor(JsonNode.class),
        interpreter);
  }

  public static JsonRpcCodec instance() {
    return INSTANCE;
  }

  /** Reads exactly one message; a batch is rejected at its first bracket. */
  public JsonRpcMessage decode(byte[] json) {
    return reader.readOne(json);
  }

  public JsonRpcMessage decode(String json) {
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads one message or, when {@code allowBatch}, a batch of at most
   * {@value #DEFAULT_MAX_BATCH_ELEMENTS} messages.
   *
   * @throws JsonRpcParseException for input that is not JSON, not JSON-RPC, or a batch not allowed
   */
  public Decoded decode(byte[] json, boolean allowBatch) {
    return decode(json, allowBatch ? DEFAULT_MAX_BATCH_ELEMENTS : 0);
  }

  /**
   * Reads one message or a batch of at most {@code maxBatchElements} messages (0: no batches). The
   * elements are counted while the text is parsed: a larger batch is refused with one
   * {@link ErrorCodes#INVALID_REQUEST} as soon as the element past the limit begins, before the
   * rest is read, and a batch where none is allowed is refused at its opening bracket.
   *
   * @throws JsonRpcParseException for input that is not JSON, not JSON-RPC, a batch not allowed,
   *     or a batch larger than allowed
   */
  public Decoded decode(byte[] json, int maxBatchElements) {
    if (maxBatchElements < 0) {
      throw new IllegalArgumentException("maxBatchElements must be 0 or more, got "
          + maxBatchElements);
    }
    return reader.read(json, maxBatchElements);
  }

  /**
   * Interprets a JSON tree as one message. A fractional id is kept as the tree holds it; only
   * {@link #decode(byte[])} and its siblings, which read the text, keep such an id's exact text.
   */
  public JsonRpcMessage fromTree(JsonNode node) {
    return interpreter.interpret(node, null);
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
        tree(gen, r.params());
      }
    } else if (message instanceof JsonRpcNotification n) {
      gen.writeStringField("method", n.method());
      if (n.params() != null) {
        gen.writeFieldName("params");
        tree(gen, n.params());
      }
    } else if (message instanceof JsonRpcResponse.Result r) {
      writeId(gen, r.id());
      gen.writeFieldName("result");
      tree(gen, r.result());
    } else if (message instanceof JsonRpcResponse.Error e) {
      writeId(gen, e.id());
      gen.writeObjectFieldStart("error");
      gen.writeNumberField("code", e.error().code());
      gen.writeStringField("message", e.error().message());
      if (e.error().data() != null) {
        gen.writeFieldName("data");
        tree(gen, e.error().data());
      }
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  /**
   * Writes a tree as the mapper writes it: objects, arrays, text, numbers, booleans and nulls
   * directly, anything else (a POJO node such as a tool result, binary, raw values) through the
   * mapper, whose serializers it needs. Saves a serializer provider per message where the tree is
   * plain JSON or a plain text tool result.
   */
  private void tree(JsonGenerator gen, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        gen.writeStartObject(node);
        for (java.util.Map.Entry<String, JsonNode> field : node.properties()) {
          gen.writeFieldName(field.getKey());
          tree(gen, field.getValue());
        }
        gen.writeEndObject();
      }
      case ARRAY -> {
        gen.writeStartArray(node, node.size());
        for (int i = 0, n = node.size(); i < n; i++) {
          tree(gen, node.get(i));
        }
        gen.writeEndArray();
      }
      case STRING -> gen.writeString(node.textValue());
      case BOOLEAN -> gen.writeBoolean(node.booleanValue());
      case NULL -> gen.writeNull();
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> gen.writeNumber(node.intValue());
          case LONG -> gen.writeNumber(node.longValue());
          case BIG_INTEGER -> gen.writeNumber(node.bigIntegerValue());
          case DOUBLE -> gen.writeNumber(node.doubleValue());
          default -> mapper.writeTree(gen, node); // float, short, big decimal: the mapper's rules
        }
      }
      case POJO -> {
        // a plain text tool result, the most common answer, without a serializer provider
        if (!dev.mcpkit.core.json.internal.TextResults.writePlain(
            ((com.fasterxml.jackson.databind.node.POJONode) node).getPojo(), gen)) {
          mapper.writeTree(gen, node);
        }
      }
      default -> mapper.writeTree(gen, node);
    }
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
    } else if (id.exactText() != null) {
      gen.writeNumber(id.exactText());
    } else {
      gen.writeNumber((BigDecimal) v);
    }
  }
}
