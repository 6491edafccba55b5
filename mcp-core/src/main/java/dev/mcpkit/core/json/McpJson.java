package dev.mcpkit.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one Jackson configuration every module uses for MCP JSON.
 *
 * <p>Records are written with {@code null} components left out, unknown properties are ignored when
 * reading (newer peers may send fields we do not know yet), and numbers keep their exact type.
 * {@code Optional} and {@code java.time} values are supported (ISO-8601 text for times).
 * The mapper is thread-safe and must not be reconfigured. Its parsers and generators recycle
 * Jackson's buffers per platform thread; virtual threads share a bounded pool of them.
 */
public final class McpJson {
  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .recyclerPool(dev.mcpkit.core.json.internal.ThreadBuffers.pool())
          .build())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
      .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .addModule(dev.mcpkit.core.json.internal.TextResults.module())
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(200)
        .maxStringLength(64 * 1024 * 1024)
        .build());
  }

  private McpJson() {}

  /** The shared, preconfigured mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Converts a record or map to a JSON tree. */
  public static JsonNode toTree(Object value) {
    return value == null ? null : MAPPER.valueToTree(value);
  }

  /** One reader per target type: it keeps the resolved root deserializer between calls. */
  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return MAPPER.readerFor(type);
    }
  };

  /**
   * Converts a JSON tree to a type.
   *
   * @throws IllegalArgumentException naming the target type when the tree does not fit it
   */
  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      if (tree == null || type.isInstance(tree)) {
        return type.cast(tree); // as treeToValue does: a tree asked for as a tree is itself
      }
      return READERS.get(type).readValue(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) { // a tree is read from memory: no I/O can fail
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Compact JSON text of a value. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
