package dev.mcpkit.core.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: established by an {@link McpAuthenticator} and handed to tool handlers.
 *
 * @param subject a stable id of the caller (a user, a service account, an API key's owner)
 * @param scopes the OAuth scopes or API-key permissions granted
 * @param claims other facts about the caller (issuer, client id, ...); never secrets
 */
public record McpPrincipal(String subject, Set<String> scopes, Map<String, Object> claims) {
  /** The caller when the endpoint requires no authentication. */
  public static final McpPrincipal ANONYMOUS = new McpPrincipal("anonymous", Set.of(), Map.of());

  public McpPrincipal {
    Objects.requireNonNull(subject, "subject");
    scopes = Set.copyOf(scopes);
    claims = Map.copyOf(claims);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}
