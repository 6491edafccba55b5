package dev.mcpkit.server.spi;

import java.util.Objects;
import java.util.Set;

/**
 * What a server remembers of one session of the session protocol (2024-11-05 to 2025-11-25): what
 * {@code initialize} negotiated, and what the client set since. Everything else a session has
 * (running calls, open streams) is local to the server instance that serves it.
 *
 * @param id the {@code Mcp-Session-Id}: 128 random bits, URL-safe base64
 * @param endpoint the id of the endpoint the session was created on; sessions are not shared
 *     between endpoints
 * @param subject the subject of the principal that created the session; requests from anyone else
 *     are answered as if the session did not exist
 * @param protocolVersion the negotiated protocol version
 * @param clientInfo the client's {@code clientInfo}, compact JSON, or null
 * @param clientCapabilities the client's {@code capabilities}, compact JSON ({@code {}} if none)
 * @param logLevel the level set with {@code logging/setLevel}, or null for all messages
 * @param subscriptions resource URIs subscribed to with {@code resources/subscribe}
 * @param createdMillis when the session was created (epoch milliseconds)
 */
public record SessionRecord(
    String id,
    String endpoint,
    String subject,
    String protocolVersion,
    String clientInfo,
    String clientCapabilities,
    String logLevel,
    Set<String> subscriptions,
    long createdMillis) {
  public SessionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(protocolVersion, "protocolVersion");
    clientCapabilities = clientCapabilities == null ? "{}" : clientCapabilities;
    subscriptions = subscriptions == null ? Set.of() : Set.copyOf(subscriptions);
  }

  /**
   * The record for logs: the session id is a bearer credential, so only its first six characters
   * appear, enough to tell sessions apart in a log and not enough to use one.
   */
  @Override
  public String toString() {
    return "SessionRecord[id=" + id.substring(0, Math.min(6, id.length())) + "..., endpoint="
        + endpoint + ", subject=" + subject + ", protocolVersion=" + protocolVersion
        + ", logLevel=" + logLevel + ", subscriptions=" + subscriptions.size()
        + ", createdMillis=" + createdMillis + "]";
  }

  public SessionRecord withLogLevel(String level) {
    return new SessionRecord(id, endpoint, subject, protocolVersion, clientInfo, clientCapabilities,
        level, subscriptions, createdMillis);
  }

  public SessionRecord withSubscriptions(Set<String> uris) {
    return new SessionRecord(id, endpoint, subject, protocolVersion, clientInfo, clientCapabilities,
        logLevel, uris, createdMillis);
  }
}
