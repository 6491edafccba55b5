package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Lifecycle.ClientCapabilities;
import java.util.List;
import java.util.Map;

/**
 * The error codes MCP defines on top of JSON-RPC's, and the typed {@code error.data} they carry.
 * The JSON-RPC error object itself and the standard codes belong to the JSON-RPC layer.
 */
public final class Errors {
  /** 2026-07-28: HTTP headers and body disagree, or a required header is missing (HTTP 400). */
  public static final int HEADER_MISMATCH = -32020;
  /** 2026-07-28: the request needs a client capability it did not declare (HTTP 400). */
  public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
  /** 2026-07-28: the requested protocol version is unknown or unsupported (HTTP 400). */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
  /** 2025-11-25: the user must complete URL-mode elicitations first. */
  public static final int URL_ELICITATION_REQUIRED = -32042;

  private Errors() {}

  /** {@code data} of {@link #UNSUPPORTED_PROTOCOL_VERSION}: what was asked and what is spoken. */
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

  /** {@code data} of {@link #MISSING_REQUIRED_CLIENT_CAPABILITY}: the capabilities needed. */
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

  /** {@code data} of {@link #URL_ELICITATION_REQUIRED}: the elicitations to complete. */
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
