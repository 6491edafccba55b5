package dev.mcpkit.auth.internal;

import java.time.Instant;

/**
 * What is stored (encrypted) for one OAuth credential: the tokens and everything needed to renew or
 * revoke them without discovering again. Serialized as JSON before encryption.
 *
 * @param tokenType {@code Bearer} or {@code DPoP}
 * @param grant how the credential was obtained and is renewed: {@code authorization_code},
 *     {@code client_credentials}, {@code workload_identity} (JWT bearer with a workload's JWT) or
 *     {@code enterprise} (token exchange for an ID-JAG, then JWT bearer)
 * @param obtainedAt epoch seconds of the token response
 * @param expiresAt epoch seconds when the access token expires, or null if unknown
 * @param dpopKey the private JWK (JSON) the token is bound to, or null for a bearer token
 */
public record TokenRecord(
    String accessToken,
    String tokenType,
    String refreshToken,
    Long expiresAt,
    String scope,
    String issuer,
    String resource,
    String grant,
    String clientId,
    String clientSecret,
    String authMethod,
    String tokenEndpoint,
    String revocationEndpoint,
    long obtainedAt,
    String dpopKey) {
  public static final String AUTHORIZATION_CODE = "authorization_code";
  public static final String CLIENT_CREDENTIALS = "client_credentials";
  public static final String WORKLOAD_IDENTITY = "workload_identity";
  public static final String ENTERPRISE = "enterprise";

  /** True when the access token expires within {@code skewSeconds} of {@code now}. */
  public boolean expiresWithin(Instant now, long skewSeconds) {
    return expiresAt != null && now.getEpochSecond() + skewSeconds >= expiresAt;
  }

  public boolean renewable() {
    return refreshToken != null || !AUTHORIZATION_CODE.equals(grant);
  }

  @Override
  public String toString() {
    return "TokenRecord[issuer=" + issuer + ", resource=" + resource + ", scope=" + scope
        + ", expiresAt=" + expiresAt + ", grant=" + grant
        + (dpopKey != null ? ", DPoP" : "") + "]";
  }
}
