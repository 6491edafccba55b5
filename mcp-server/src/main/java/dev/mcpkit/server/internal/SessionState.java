package dev.mcpkit.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.engine.ConnectionInfo;
import java.util.Set;

/** One session of the session protocol, as the method handlers see it. Thread-safe. */
public interface SessionState extends ConnectionInfo {
  /** The session id, or null on stdio. */
  String id();

  @Override
  default String sessionId() {
    return id();
  }

  /** The negotiated protocol version, or null before {@code initialize}. */
  String protocolVersion();

  /** The client's capabilities ({@code {}} before {@code initialize}); do not modify. */
  ObjectNode clientCapabilities();

  /** The client's clientInfo, or null. */
  ObjectNode clientInfo();

  /** Records what {@code initialize} negotiated. */
  void initialized(String protocolVersion, ObjectNode clientCapabilities, ObjectNode clientInfo);

  /** The level set with {@code logging/setLevel}, or null (send everything). */
  String logLevel();

  void setLogLevel(String level);

  Set<String> subscriptions();

  void subscribe(String uri);

  void unsubscribe(String uri);
}
