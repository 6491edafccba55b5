package dev.mcpkit.auth;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A begun authorization: where to send the user, and until when the callback will be accepted. The URL
 * carries only public values (client id, PKCE challenge, state, scope, resource); the PKCE verifier stays
 * in the pending-authorization store.
 *
 * @param owner whose credential this authorization will produce
 * @param server the MCP server (canonical URI) it is for
 * @param authorizationUrl the authorization server URL to open in the user's browser
 * @param scopes the scopes requested (empty when the scope parameter was omitted)
 * @param expiresAt when the pending authorization lapses
 */
public record AuthorizationLink(
    TokenOwner owner, URI server, URI authorizationUrl, Set<String> scopes, Instant expiresAt) {
  public AuthorizationLink {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(scopes);
  }
}
