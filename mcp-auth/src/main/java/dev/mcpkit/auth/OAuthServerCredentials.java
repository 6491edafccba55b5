package dev.mcpkit.auth;

import java.net.URI;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A client registration made outside the protocol ("pre-registration"): what an administrator enters as
 * advanced OAuth settings for one MCP server, or what a service account was issued. Used before any
 * client ID metadata document or dynamic registration.
 *
 * <p>The secret and private key never appear in {@link #toString()}.
 */
public final class OAuthServerCredentials {
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final URI redirectUri;
  private final ClientAuthMethod authMethod;
  private final String issuer;
  private final PrivateKey privateKey;
  private final String signingAlgorithm;
  private final String keyId;
  private final boolean clientCredentialsGrant;
  private final WorkloadIdentity workloadIdentity;
  private final EnterpriseAuthorization enterprise;

  private OAuthServerCredentials(Builder b) {
    this.clientId = Objects.requireNonNull(b.clientId, "clientId");
    this.clientSecret = b.clientSecret;
    this.scope = b.scope;
    this.redirectUri = b.redirectUri;
    this.authMethod = b.authMethod;
    this.issuer = b.issuer;
    this.privateKey = b.privateKey;
    this.signingAlgorithm = b.signingAlgorithm;
    this.keyId = b.keyId;
    this.clientCredentialsGrant = b.clientCredentialsGrant;
    this.workloadIdentity = b.workloadIdentity;
    this.enterprise = b.enterprise;
    int grants = (clientCredentialsGrant ? 1 : 0) + (workloadIdentity != null ? 1 : 0)
        + (enterprise != null ? 1 : 0);
    if (grants > 1) {
      throw new IllegalArgumentException("choose one of clientCredentialsGrant(),"
          + " workloadIdentity(...) and enterpriseManaged(...)");
    }
    if (authMethod == ClientAuthMethod.PRIVATE_KEY_JWT && privateKey == null) {
      throw new IllegalArgumentException("private_key_jwt needs privateKey(...)");
    }
    if ((authMethod == ClientAuthMethod.CLIENT_SECRET_BASIC
            || authMethod == ClientAuthMethod.CLIENT_SECRET_POST)
        && clientSecret == null) {
      throw new IllegalArgumentException(authMethod.value() + " needs clientSecret(...)");
    }
    if (clientCredentialsGrant && clientSecret == null && privateKey == null) {
      throw new IllegalArgumentException(
          "the client credentials grant needs a client secret or a private key");
    }
  }

  public static Builder builder(String clientId) {
    return new Builder(clientId);
  }

  public String clientId() {
    return clientId;
  }

  /** The client secret, or null for a public client. */
  public String clientSecret() {
    return clientSecret;
  }

  /** Scopes to request instead of those the server suggests (space-separated), or null. */
  public String scope() {
    return scope;
  }

  /** The redirect URI registered for this client, or null to use the {@link McpOAuth} default. */
  public URI redirectUri() {
    return redirectUri;
  }

  /** The token endpoint authentication method, or null to choose from the server's metadata. */
  public ClientAuthMethod authMethod() {
    return authMethod;
  }

  /** The authorization server these credentials belong to, or null if not bound. */
  public String issuer() {
    return issuer;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The JWS algorithm for {@code private_key_jwt} (e.g. ES256, RS256), or null to infer from the key. */
  public String signingAlgorithm() {
    return signingAlgorithm;
  }

  public String keyId() {
    return keyId;
  }

  /** Whether tokens are obtained with the client credentials grant (a service account, no user). */
  public boolean clientCredentialsGrant() {
    return clientCredentialsGrant;
  }

  /** The workload's JWT source when tokens come from workload identity federation, else null. */
  public WorkloadIdentity workloadIdentity() {
    return workloadIdentity;
  }

  /** The enterprise identity provider when users' tokens come from it (ID-JAG), else null. */
  public EnterpriseAuthorization enterprise() {
    return enterprise;
  }

  /** Whether tokens are obtained without any user (client credentials or workload identity). */
  public boolean machineGrant() {
    return clientCredentialsGrant || workloadIdentity != null;
  }

  @Override
  public String toString() {
    return "OAuthServerCredentials[clientId="
        + clientId
        + (clientSecret != null ? ", clientSecret=***" : "")
        + (privateKey != null ? ", privateKey=***" : "")
        + (scope != null ? ", scope=" + scope : "")
        + (issuer != null ? ", issuer=" + issuer : "")
        + (authMethod != null ? ", authMethod=" + authMethod.value() : "")
        + (clientCredentialsGrant ? ", grant=client_credentials" : "")
        + (workloadIdentity != null ? ", grant=workload_identity" : "")
        + (enterprise != null ? ", grant=enterprise" : "")
        + "]";
  }

  /** Builds {@link OAuthServerCredentials}. */
  public static final class Builder {
    private final String clientId;
    private String clientSecret;
    private String scope;
    private URI redirectUri;
    private ClientAuthMethod authMethod;
    private String issuer;
    private PrivateKey privateKey;
    private String signingAlgorithm;
    private String keyId;
    private boolean clientCredentialsGrant;
    private WorkloadIdentity workloadIdentity;
    private EnterpriseAuthorization enterprise;

    private Builder(String clientId) {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      this.clientId = clientId;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    public Builder authMethod(ClientAuthMethod authMethod) {
      this.authMethod = authMethod;
      return this;
    }

    /** Binds the credentials to one authorization server; another one is then refused. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** A private key for {@code private_key_jwt}; {@code algorithm} may be null to infer it. */
    public Builder privateKey(PrivateKey privateKey, String algorithm, String keyId) {
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
      this.signingAlgorithm = algorithm;
      this.keyId = keyId;
      return this;
    }

    /** A PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}), EC or RSA. */
    public Builder privateKeyPem(String pem, String algorithm, String keyId) {
      return privateKey(parsePkcs8(pem), algorithm, keyId);
    }

    /** Obtain tokens with the client credentials grant (service accounts). */
    public Builder clientCredentialsGrant() {
      this.clientCredentialsGrant = true;
      return this;
    }

    /**
     * Obtain tokens with the JWT bearer grant (RFC 7523), presenting the workload's own JWT as the
     * assertion (workload identity federation); no user, and no client secret needed.
     */
    public Builder workloadIdentity(WorkloadIdentity source) {
      this.workloadIdentity = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Obtain users' tokens through their enterprise identity provider (ID-JAG) when it vouches for
     * them; users it has no assertion for go through the ordinary authorization flow.
     */
    public Builder enterpriseManaged(EnterpriseAuthorization enterprise) {
      this.enterprise = Objects.requireNonNull(enterprise, "enterprise");
      return this;
    }

    public OAuthServerCredentials build() {
      return new OAuthServerCredentials(this);
    }

    private static PrivateKey parsePkcs8(String pem) {
      String base64 =
          pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      byte[] der;
      try {
        der = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("private key PEM is not valid base64");
      }
      for (String algorithm : new String[] {"EC", "RSA"}) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
          // try the next key type
        }
      }
      throw new IllegalArgumentException("private key PEM is neither a PKCS#8 EC nor RSA key");
    }
  }
}
