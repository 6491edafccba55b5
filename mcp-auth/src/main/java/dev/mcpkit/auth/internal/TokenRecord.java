package dev.mcpkit.auth.internal;

import java.time.Instant;

/**
 * What is stored (encrypted) for one OAuth credential: the tokens and everything needed to renew or
 * revoke them without discovering again. Serialized as JSON before encryption.
 *
 * @param grant {@code authorization_code} or {@code client_credentials}
 * @param obtainedAt epoch seconds of the token response
 * @param expiresAt epoch seconds when the access token expires, or null if unknown
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
    long obtainedAt) {
  public static final String AUTHORIZATION_CODE = "authorization_code";
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  /** True when the access token expires within {@code skewSeconds} of {@code now}. */
  public boolean expiresWithin(Instant now, long skewSeconds) {
    return expiresAt != null && now.getEpochSecond() + skewSeconds >= expiresAt;
  }

  public boolean renewable() {
    return refreshToken != null || CLIENT_CREDENTIALS.equals(grant);
  }

  @Override
  public String toString() {
    return "TokenRecord[issuer=" + issuer + ", resource=" + resource + ", scope=" + scope
        + ", expiresAt=" + expiresAt + ", grant=" + grant + "]";
  }
}
