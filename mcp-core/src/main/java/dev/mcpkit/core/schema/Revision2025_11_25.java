package dev.mcpkit.core.schema;

import java.util.Set;

/**
 * 2025-11-25: the last session revision; icons, URL elicitation (and its {@code -32042} error),
 * tool use in sampling, tasks, SSE priming events.
 */
final class Revision2025_11_25 extends ProtocolRevision {
  private static final Set<String> HEADERS = Set.of(SESSION_ID, LAST_EVENT_ID, PROTOCOL_VERSION);

  @Override
  public ProtocolVersion version() {
    return ProtocolVersion.V2025_11_25;
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
  public boolean primesStreams() {
    return true;
  }
}
