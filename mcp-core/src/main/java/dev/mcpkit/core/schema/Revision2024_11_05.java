package dev.mcpkit.core.schema;

import dev.mcpkit.core.jsonrpc.ErrorCodes;
import java.util.Set;

/**
 * 2024-11-05: {@code initialize}, sessions over the HTTP+SSE transport (no MCP headers), no
 * titles, annotations, output schemas, structured content, audio or resource links.
 */
final class Revision2024_11_05 extends ProtocolRevision {
  @Override
  public ProtocolVersion version() {
    return ProtocolVersion.V2024_11_05;
  }

  @Override
  public String opensWith() {
    return Methods.INITIALIZE;
  }

  @Override
  public Set<String> headers() {
    return Set.of();
  }

  @Override
  public int errorCode(int code) {
    return code == ErrorCodes.URL_ELICITATION_REQUIRED ? ErrorCodes.INVALID_REQUEST
        : super.errorCode(code);
  }
}
