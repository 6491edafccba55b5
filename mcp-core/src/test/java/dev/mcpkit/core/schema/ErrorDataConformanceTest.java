package dev.mcpkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The errors MCP defines on top of JSON-RPC, written the way the SDK writes them (the codec, with
 * {@code data} from the {@link Errors} records), are valid against the official schema of the
 * version that defines them, and our code constants are the schema's.
 */
class ErrorDataConformanceTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(ProtocolVersion.V2025_11_25, "URLElicitationRequiredError",
            ErrorCodes.URL_ELICITATION_REQUIRED, new Errors.UrlElicitationRequiredData(List.of(
                new Elicitation.UrlParams("Connect your calendar",
                    "https://example.com/connect?session=1", "elicit-7")))),
        Arguments.of(ProtocolVersion.V2026_07_28, "UnsupportedProtocolVersionError",
            ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, new Errors.UnsupportedProtocolVersionData(
                "2099-01-01", ProtocolVersion.all().stream().map(ProtocolVersion::id).toList())),
        Arguments.of(ProtocolVersion.V2026_07_28, "MissingRequiredClientCapabilityError",
            ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
            new Errors.MissingRequiredClientCapabilityData(new Lifecycle.ClientCapabilities(null,
                null, new Lifecycle.ElicitationCapability(null, McpJson.object(), null), null,
                null, null, null))),
        Arguments.of(ProtocolVersion.V2026_07_28, "HeaderMismatchError",
            ErrorCodes.HEADER_MISMATCH, null));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("errors")
  void everyMcpErrorWeWriteIsValidAgainstTheSchemaThatDefinesIt(ProtocolVersion version,
      String definition, int code, Object data) throws Exception {
    JsonRpcResponse error = JsonRpcResponse.error(RequestId.of("r-1"),
        new JsonRpcError(code, ErrorCodes.name(code), McpJson.toTree(data)));
    JsonNode wire = McpJson.mapper().readTree(JsonRpcCodec.instance().encode(error));

    assertThat(Spec.validate(version, definition, wire, false)).as("%s", wire).isEmpty();
    assertThat(Spec.validate(version, definition, wire, true)).as("strict: %s", wire).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("errors")
  void ourErrorCodeIsTheOneTheSchemaFixes(ProtocolVersion version, String definition, int code,
      Object data) {
    JsonNode fixed = null;
    for (JsonNode part : Spec.definition(version, definition).orElseThrow()
        .at("/properties/error/allOf")) {
      if (part.at("/properties/code/const").isInt()) {
        fixed = part.at("/properties/code/const");
      }
    }

    assertThat(fixed).as("code const of %s", definition).isNotNull();
    assertThat(fixed.intValue()).isEqualTo(code);
  }
}
