package dev.mcpkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official 2026-07-28 example parses into our record for its type and is written back
 * unchanged. Envelope examples ({@code CallToolRequest}, {@code ListToolsResultResponse}, ...) have
 * their {@code params} or {@code result} parsed; error examples their code checked against our
 * constants and their {@code data} parsed where MCP defines its shape. The JSON-RPC envelope and
 * error object themselves belong to the JSON-RPC layer.
 */
class OfficialExamplesTest {
  private static final Map<String, Mapping> MAPPINGS = ExampleMappings.ALL;

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(Spec.examples())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted()
          .collect(Collectors.toList()).stream();
    }
  }

  @Test
  void everyExampleFolderMapsToOneOfOurRecords() throws IOException {
    try (Stream<Path> folders = Files.list(Spec.examples())) {
      List<String> unmapped = folders.map(f -> f.getFileName().toString())
          .filter(name -> !MAPPINGS.containsKey(name)).sorted().collect(Collectors.toList());
      assertThat(unmapped).as("example folders without a mapping").isEmpty();
    }
  }

  @Test
  void thereAreOfficialExamplesToCheck() throws IOException {
    assertThat(examples().count()).isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyOfficialExampleRoundTripsWithoutLosingAField(Path file) {
    String folder = file.getParent().getFileName().toString();
    Mapping mapping = MAPPINGS.get(folder);
    JsonNode original = Spec.read(file);

    JsonNode rewritten = switch (mapping.part()) {
      case WHOLE -> roundTrip(original, mapping);
      case PARAMS, RESULT -> {
        String field = mapping.part() == Part.PARAMS ? "params" : "result";
        ObjectNode copy = original.deepCopy();
        copy.set(field, roundTrip(original.get(field), mapping));
        yield copy;
      }
      case ERROR -> {
        JsonNode error = original.has("error") ? original.get("error") : original;
        assertThat(error.get("code").asInt()).as("error code").isEqualTo(mapping.errorCode());
        if (mapping.type() == null) {
          yield original;
        }
        ObjectNode copy = original.deepCopy();
        ObjectNode copiedError = copy.has("error") ? (ObjectNode) copy.get("error") : copy;
        copiedError.set("data", roundTrip(error.get("data"), mapping));
        yield copy;
      }
    };

    assertThat(rewritten).isEqualTo(original);
  }

  /** The examples that are whole JSON-RPC messages (requests, notifications, responses). */
  static Stream<Path> messageExamples() throws IOException {
    return examples().filter(file -> Spec.read(file).has("jsonrpc"));
  }

  @Test
  void thereAreOfficialMessageExamplesOfEveryKind() throws IOException {
    List<JsonRpcMessage> messages = messageExamples()
        .map(file -> JsonRpcCodec.instance().fromTree(Spec.read(file))).toList();

    assertThat(messages).hasSizeGreaterThan(25);
    assertThat(messages).hasAtLeastOneElementOfType(JsonRpcRequest.class)
        .hasAtLeastOneElementOfType(JsonRpcNotification.class)
        .hasAtLeastOneElementOfType(JsonRpcResponse.Result.class)
        .hasAtLeastOneElementOfType(JsonRpcResponse.Error.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messageExamples")
  void everyOfficialMessageExampleRoundTripsThroughTheCodecUnchanged(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    JsonRpcCodec codec = JsonRpcCodec.instance();

    JsonRpcMessage message = codec.decode(bytes);

    assertThat(reparse(codec.encodeToString(message))).isEqualTo(Spec.read(file));
  }

  /** Reads the node as the mapping's type, checks the record class, and writes it back. */
  private static JsonNode roundTrip(JsonNode node, Mapping mapping) {
    JavaType type = McpJson.mapper().constructType(mapping.type());
    Object value;
    try {
      value = McpJson.mapper().treeToValue(node, type);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + type + " from " + node, e);
    }
    if (mapping.expectedClass() != null) {
      assertThat(value).isInstanceOf(mapping.expectedClass());
    }
    return reparse(McpJson.write(value));
  }

  static JsonNode reparse(String json) {
    try {
      return McpJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Which part of an example file holds the type. */
  enum Part { WHOLE, PARAMS, RESULT, ERROR }

  /** How to read one example folder. */
  record Mapping(Part part, java.lang.reflect.Type type, Class<?> expectedClass, int errorCode) {
    static Mapping whole(Class<?> type) {
      return new Mapping(Part.WHOLE, type, type, 0);
    }

    static Mapping whole(Class<?> parseAs, Class<?> expected) {
      return new Mapping(Part.WHOLE, parseAs, expected, 0);
    }

    static Mapping whole(TypeReference<?> type) {
      return new Mapping(Part.WHOLE, type.getType(), null, 0);
    }

    static Mapping params(Class<?> type) {
      return new Mapping(Part.PARAMS, type, type, 0);
    }

    static Mapping result(Class<?> type) {
      return new Mapping(Part.RESULT, type, type, 0);
    }

    static Mapping error(int code) {
      return new Mapping(Part.ERROR, null, null, code);
    }

    static Mapping error(int code, Class<?> data) {
      return new Mapping(Part.ERROR, data, data, code);
    }
  }

  @Test
  void theMappingTableNamesNoFolderThatDoesNotExist() throws IOException {
    try (Stream<Path> folders = Files.list(Spec.examples())) {
      TreeSet<String> existing = folders.map(f -> f.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(existing).containsAll(MAPPINGS.keySet());
    }
  }
}
