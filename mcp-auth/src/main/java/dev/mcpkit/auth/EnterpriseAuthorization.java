package dev.mcpkit.auth;

import java.net.URI;
import java.util.Objects;

/**
 * Enterprise-managed authorization ({@code io.modelcontextprotocol/enterprise-managed-authorization},
 * the identity assertion authorization grant): the enterprise identity provider where this client
 * exchanges a user's ID token for an ID-JAG (RFC 8693 token exchange, requested token type
 * {@code urn:ietf:params:oauth:token-type:id-jag}, audience = the MCP server's authorization server,
 * resource = the MCP server), and the provider of those ID tokens. The ID-JAG is then presented to the
 * MCP server's authorization server with the JWT bearer grant (RFC 7523), using the client
 * credentials of {@link OAuthServerCredentials}.
 *
 * <p>The client secret at the identity provider never appears in {@link #toString()}.
 */
public final class EnterpriseAuthorization {
  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final IdentityAssertionProvider assertions;

  private EnterpriseAuthorization(Builder b) {
    this.tokenEndpoint = b.tokenEndpoint;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.assertions = Objects.requireNonNull(b.assertions,
        "assertions: set the IdentityAssertionProvider that supplies users' ID tokens");
  }

  /**
   * @param idpTokenEndpoint the identity provider's token endpoint
   * @param idpClientId this client's id at the identity provider
   */
  public static Builder builder(URI idpTokenEndpoint, String idpClientId) {
    return new Builder(idpTokenEndpoint, idpClientId);
  }

  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  public String clientId() {
    return clientId;
  }

  /** The client secret at the identity provider, or null for a public client. */
  public String clientSecret() {
    return clientSecret;
  }

  public IdentityAssertionProvider assertions() {
    return assertions;
  }

  @Override
  public String toString() {
    return "EnterpriseAuthorization[idp=" + tokenEndpoint + ", clientId=" + clientId
        + (clientSecret != null ? ", clientSecret=***" : "") + "]";
  }

  /** Builds {@link EnterpriseAuthorization}. */
  public static final class Builder {
    private final URI tokenEndpoint;
    private final String clientId;
    private String clientSecret;
    private IdentityAssertionProvider assertions;

    private Builder(URI tokenEndpoint, String clientId) {
      this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "idpTokenEndpoint");
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("idpClientId must not be blank");
      }
      this.clientId = clientId;
    }

    /** The client secret at the identity provider (sent with client_secret_basic). */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Where users' ID tokens come from; required. */
    public Builder assertions(IdentityAssertionProvider assertions) {
      this.assertions = Objects.requireNonNull(assertions, "assertions");
      return this;
    }

    public EnterpriseAuthorization build() {
      return new EnterpriseAuthorization(this);
    }
  }
}
