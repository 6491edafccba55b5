package dev.mcpkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.json.McpJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolRevisionTest {

  @Test
  void everyVersionHasExactlyOneRevisionAndTheyOpenAsTheirSchemaSays() {
    assertThat(ProtocolRevision.all()).hasSize(ProtocolVersion.values().length);
    for (ProtocolVersion v : ProtocolVersion.values()) {
      ProtocolRevision r = ProtocolRevision.of(v);
      assertThat(r.version()).isEqualTo(v);
      assertThat(r.defines(r.opensWith())).as("%s defines %s", v, r.opensWith()).isTrue();
      assertThat(r.isStateless()).isEqualTo(v.isStateless());
      assertThat(r.allowsBatches()).isEqualTo(v.supportsBatches());
      assertThat(r.hasInputRequired()).isEqualTo(v.hasInputRequired());
    }
  }

  @Test
  void initializeNegotiatesTheRequestedSessionRevisionOrTheNewestOne() {
    assertThat(ProtocolRevision.negotiate("2024-11-05").id()).isEqualTo("2024-11-05");
    assertThat(ProtocolRevision.negotiate("2026-07-28").id()).isEqualTo("2025-11-25");
    assertThat(ProtocolRevision.negotiate("1999-01-01")).isSameAs(ProtocolRevision.latestSession());
    assertThat(ProtocolRevision.sessionRevisions()).extracting(ProtocolRevision::id)
        .containsExactly("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
  }

  @Test
  void errorCodesARevisionDoesNotDefineBecomeTheNearestItDoes() {
    JsonRpcError mismatch = new JsonRpcError(ErrorCodes.HEADER_MISMATCH, "Mcp-Name differs");
    assertThat(ProtocolRevision.of(ProtocolVersion.V2026_07_28).shapeError(mismatch))
        .isSameAs(mismatch);
    assertThat(ProtocolRevision.of(ProtocolVersion.V2025_06_18).shapeError(mismatch))
        .isEqualTo(new JsonRpcError(ErrorCodes.INVALID_REQUEST, "Mcp-Name differs"));
    assertThat(ProtocolRevision.of(ProtocolVersion.V2025_11_25)
        .errorCode(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION)).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(ProtocolRevision.of(ProtocolVersion.V2025_11_25)
        .errorCode(ErrorCodes.URL_ELICITATION_REQUIRED))
        .isEqualTo(ErrorCodes.URL_ELICITATION_REQUIRED);
    assertThat(ProtocolRevision.of(ProtocolVersion.V2025_06_18)
        .errorCode(ErrorCodes.URL_ELICITATION_REQUIRED)).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(ProtocolRevision.of(ProtocolVersion.V2024_11_05)
        .errorCode(ErrorCodes.RESOURCE_NOT_FOUND)).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
  }

  @Test
  void headersExistOnlyInTheRevisionsThatDefineThem() {
    assertThat(ProtocolRevision.of(ProtocolVersion.V2024_11_05).headers()).isEmpty();
    assertThat(ProtocolRevision.of(ProtocolVersion.V2025_03_26).definesHeader("mcp-session-id"))
        .isTrue();
    assertThat(ProtocolRevision.of(ProtocolVersion.V2025_03_26)
        .definesHeader("MCP-Protocol-Version")).isFalse();
    ProtocolRevision stateless = ProtocolRevision.latest();
    assertThat(stateless.definesHeader("Mcp-Session-Id")).isFalse();
    assertThat(stateless.definesHeader("Mcp-Param-Region")).isTrue();
    assertThat(stateless.mirroredHeaders("tools/call",
        McpJson.object().put("name", "get_weather")))
        .isEqualTo(Map.of("Mcp-Method", "tools/call", "Mcp-Name", "get_weather"));
    assertThat(ProtocolRevision.of(ProtocolVersion.V2025_11_25)
        .mirroredHeaders("tools/call", McpJson.object().put("name", "x"))).isEmpty();
  }
}
