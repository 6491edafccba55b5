package dev.mcpkit.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A session's state kept in memory only (stdio, legacy HTTP+SSE). */
public final class LocalSessionState implements SessionState {
  private final String id;
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile String protocolVersion;
  private volatile ObjectNode capabilities = McpJson.object();
  private volatile ObjectNode clientInfo;
  private volatile String logLevel;

  public LocalSessionState(String id) {
    this.id = id;
  }

  @Override
  public String networkTransport() {
    return id == null ? "pipe" : "tcp"; // stdio sessions have no id; legacy SSE ones do
  }

  @Override
  public String networkProtocolName() {
    return id == null ? null : "http";
  }

  @Override
  public String networkProtocolVersion() {
    return id == null ? null : "1.1";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String protocolVersion() {
    return protocolVersion;
  }

  @Override
  public ObjectNode clientCapabilities() {
    return capabilities;
  }

  @Override
  public ObjectNode clientInfo() {
    return clientInfo;
  }

  @Override
  public void initialized(String version, ObjectNode caps, ObjectNode info) {
    this.protocolVersion = version;
    this.capabilities = caps == null ? McpJson.object() : caps;
    this.clientInfo = info;
  }

  @Override
  public String logLevel() {
    return logLevel;
  }

  @Override
  public void setLogLevel(String level) {
    this.logLevel = level;
  }

  @Override
  public Set<String> subscriptions() {
    return Set.copyOf(subscriptions);
  }

  @Override
  public void subscribe(String uri) {
    subscriptions.add(uri);
  }

  @Override
  public void unsubscribe(String uri) {
    subscriptions.remove(uri);
  }
}
