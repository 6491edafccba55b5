package dev.mcpkit.core.schema;

import dev.mcpkit.core.jsonrpc.ErrorCodes;
import java.util.Set;

/**
 * 2025-06-18: {@code MCP-Protocol-Version} on every request, no batches; titles, output schemas,
 * structured content, resource links, form elicitation.
 */
final class Revision2025_06_18 extends ProtocolRevision {
  private static final Set<String> HEADERS = Set.of(SESSION_ID, LAST_EVENT_ID, PROTOCOL_VERSION);

  @Override
  public ProtocolVersion version() {
    return ProtocolVersion.V2025_06_18;
  }

  @Override
  public String opensWith() {
    return Methods.INITIALIZE;
  }

  @Override
  public Set<String> headers() {
    return HEADERS;
  }

  @Override
  public int errorCode(int code) {
    return code == ErrorCodes.URL_ELICITATION_REQUIRED ? ErrorCodes.INVALID_REQUEST
        : super.errorCode(code);
  }
}
