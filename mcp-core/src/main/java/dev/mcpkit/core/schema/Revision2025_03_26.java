package dev.mcpkit.core.schema;

import dev.mcpkit.core.jsonrpc.ErrorCodes;
import java.util.Set;

/**
 * 2025-03-26: Streamable HTTP with {@code Mcp-Session-Id} and resumption, JSON-RPC batches, tool
 * annotations, audio content, the completions capability.
 */
final class Revision2025_03_26 extends ProtocolRevision {
  private static final Set<String> HEADERS = Set.of(SESSION_ID, LAST_EVENT_ID);

  @Override
  public ProtocolVersion version() {
    return ProtocolVersion.V2025_03_26;
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
  public boolean allowsBatches() {
    return true;
  }

  @Override
  public int errorCode(int code) {
    return code == ErrorCodes.URL_ELICITATION_REQUIRED ? ErrorCodes.INVALID_REQUEST
        : super.errorCode(code);
  }
}
