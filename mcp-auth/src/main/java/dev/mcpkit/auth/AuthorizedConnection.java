package dev.mcpkit.auth;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A stored credential's public facts: for whom, for which MCP server, from which authorization server,
 * with which scopes and until when. Never the token itself.
 *
 * @param owner whose credential it is
 * @param server the MCP server's canonical URI
 * @param issuer the authorization server that issued it
 * @param scopes the granted scopes (as the token response reported them, else as requested)
 * @param expiresAt when the access token expires, or null if the server did not say
 * @param refreshable whether it can be renewed without the user (a refresh token, client credentials,
 *     a workload identity or the enterprise identity provider)
 * @param source which way it was obtained
 * @param senderConstrained whether the token is bound to a key with DPoP
 */
public record AuthorizedConnection(
    TokenOwner owner,
    URI server,
    String issuer,
    Set<String> scopes,
    Instant expiresAt,
    boolean refreshable,
    TokenSource source,
    boolean senderConstrained) {
  public AuthorizedConnection {
    scopes = Set.copyOf(scopes);
  }
}
