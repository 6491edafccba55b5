package dev.mcpkit.auth.internal;

/**
 * A begun authorization code flow, stored encrypted until its callback: who asked, for which server,
 * the PKCE verifier, the issuer recorded from validated metadata (for the RFC 9207 check) and what the
 * token request will need.
 */
public record PendingRecord(
    String ownerKind,
    String ownerId,
    String server,
    String resource,
    String issuer,
    boolean issParameterSupported,
    String codeVerifier,
    String redirectUri,
    String scope,
    String clientId,
    String clientSecret,
    String authMethod,
    String tokenEndpoint,
    String revocationEndpoint,
    long expiresAt,
    boolean dpop) {
  @Override
  public String toString() {
    return "PendingRecord[owner=" + ownerKind + ":" + ownerId + ", server=" + server
        + ", issuer=" + issuer + "]";
  }
}
