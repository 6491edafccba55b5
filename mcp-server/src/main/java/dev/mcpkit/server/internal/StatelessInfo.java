package dev.mcpkit.server.internal;

import dev.mcpkit.core.engine.ConnectionInfo;
import dev.mcpkit.server.internal.protocol.Revisions;

/** What a 2026-07-28 request's connection tells observers: the version and the transport, no session. */
public enum StatelessInfo implements ConnectionInfo {
  HTTP("tcp", "http", "1.1"),
  STDIO("pipe", null, null);

  private final String transport;
  private final String protocolName;
  private final String protocolVersion;

  StatelessInfo(String transport, String protocolName, String protocolVersion) {
    this.transport = transport;
    this.protocolName = protocolName;
    this.protocolVersion = protocolVersion;
  }

  @Override
  public String protocolVersion() {
    return Revisions.STATELESS.id();
  }

  @Override
  public String networkTransport() {
    return transport;
  }

  @Override
  public String networkProtocolName() {
    return protocolName;
  }

  @Override
  public String networkProtocolVersion() {
    return protocolVersion;
  }
}
