package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Lifecycle.ClientCapabilities;
import java.util.List;
import java.util.Map;

/**
 * The typed {@code error.data} of the errors MCP defines on top of JSON-RPC. The codes themselves,
 * and the JSON-RPC error object, belong to the JSON-RPC layer.
 */
public final class Errors {
  private Errors() {}

  /**
   * {@code data} of the unsupported-protocol-version error (-32022, 2026-07-28): the version asked
   * for and the versions the server speaks.
   */
  public record UnsupportedProtocolVersionData(
      String requested,
      List<String> supported,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public UnsupportedProtocolVersionData {
      Immutable.required(requested, "UnsupportedProtocolVersionError.data.requested");
      supported = Immutable.list(
          Immutable.required(supported, "UnsupportedProtocolVersionError.data.supported"));
      extra = Immutable.extra(extra);
    }

    public UnsupportedProtocolVersionData(String requested, List<String> supported) {
      this(requested, supported, null);
    }
  }

  /** {@code data} of the missing-client-capability error (-32021, 2026-07-28). */
  public record MissingRequiredClientCapabilityData(
      ClientCapabilities requiredCapabilities,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public MissingRequiredClientCapabilityData {
      Immutable.required(requiredCapabilities,
          "MissingRequiredClientCapabilityError.data.requiredCapabilities");
      extra = Immutable.extra(extra);
    }

    public MissingRequiredClientCapabilityData(ClientCapabilities requiredCapabilities) {
      this(requiredCapabilities, null);
    }
  }

  /** {@code data} of the URL-elicitation-required error (-32042, 2025-11-25). */
  public record UrlElicitationRequiredData(
      List<Elicitation.UrlParams> elicitations,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public UrlElicitationRequiredData {
      elicitations = Immutable.list(
          Immutable.required(elicitations, "URLElicitationRequiredError.data.elicitations"));
      extra = Immutable.extra(extra);
    }

    public UrlElicitationRequiredData(List<Elicitation.UrlParams> elicitations) {
      this(elicitations, null);
    }
  }
}
