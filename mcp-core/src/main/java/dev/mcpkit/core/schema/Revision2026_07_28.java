package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * 2026-07-28: stateless. {@code server/discover} instead of {@code initialize}, per-request
 * {@code _meta}, every result with {@code resultType}, input-required rounds, and the method, name
 * and marked arguments mirrored into headers; no sessions, no {@code ping}, no {@code
 * logging/setLevel}, no resource subscriptions.
 */
final class Revision2026_07_28 extends ProtocolRevision {
  private static final Set<String> HEADERS = Set.of(PROTOCOL_VERSION, METHOD, NAME, PARAM_PREFIX);

  @Override
  public ProtocolVersion version() {
    return ProtocolVersion.V2026_07_28;
  }

  @Override
  public String opensWith() {
    return Methods.SERVER_DISCOVER;
  }

  @Override
  public Set<String> headers() {
    return HEADERS;
  }

  @Override
  public Map<String, String> mirroredHeaders(String method, JsonNode params) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(METHOD, method);
    String name = switch (method) {
      case Methods.TOOLS_CALL, Methods.PROMPTS_GET ->
          params == null ? null : params.path("name").asText(null);
      case Methods.RESOURCES_READ -> params == null ? null : params.path("uri").asText(null);
      case "tasks/get", "tasks/update", "tasks/cancel" ->
          params == null ? null : params.path("taskId").asText(null);
      default -> null;
    };
    if (name != null) {
      headers.put(NAME, name);
    }
    return headers;
  }

  @Override
  public boolean primesStreams() {
    return true;
  }

  @Override
  public boolean hasInputRequired() {
    return true;
  }

  @Override
  public boolean namesServerInResults() {
    return true;
  }

  /** Every code is its own, except "resource not found", which became invalid params. */
  @Override
  public int errorCode(int code) {
    return code == ErrorCodes.RESOURCE_NOT_FOUND ? ErrorCodes.INVALID_PARAMS : code;
  }
}
