package dev.mcpkit.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.mcpkit.auth.ClientAuthMethod;
import dev.mcpkit.auth.McpAuthException;
import dev.mcpkit.auth.OAuthServerCredentials;
import java.io.IOException;
import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token requests for every grant mcpkit uses (authorization code, refresh, client credentials, JWT
 * bearer, token exchange) and revocation, built and parsed by Nimbus, optionally with DPoP proofs.
 */
public final class TokenEndpoint {
  /** A refused token request; {@link #invalidGrant()} means the grant itself is dead. */
  public static final class RefusedException extends McpAuthException {
    private final String code;

    RefusedException(String message, String code) {
      super(message);
      this.code = code;
    }

    public boolean invalidGrant() {
      return "invalid_grant".equals(code);
    }

    public boolean invalidClient() {
      return "invalid_client".equals(code) || "unauthorized_client".equals(code);
    }
  }

  /** The client's identity at the token endpoint. */
  public record Client(
      String clientId, String clientSecret, String authMethod, String issuer,
      OAuthServerCredentials keyHolder) {
    @Override
    public String toString() {
      return "Client[" + clientId + ", " + authMethod + "]";
    }
  }

  /** The most DPoP nonces remembered (one per token endpoint); beyond it the oldest are dropped. */
  static final int MAX_NONCES = 256;

  private final OkHttpSender sender;
  private final Map<String, String> nonces = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_NONCES;
        }
      });

  public TokenEndpoint(OkHttpSender sender) {
    this.sender = sender;
  }

  public Tokens request(
      URI endpoint, Client client, AuthorizationGrant grant, Scope scope, URI resource)
      throws IOException {
    return request(endpoint, client, grant, scope, resource, null);
  }

  /**
   * A token request; with {@code dpop}, each attempt carries a fresh DPoP proof and a
   * {@code use_dpop_nonce} refusal is answered once with the nonce the server supplied (RFC 9449
   * section 8).
   */
  public Tokens request(
      URI endpoint, Client client, AuthorizationGrant grant, Scope scope, URI resource,
      DPoPKey dpop) throws IOException {
    HTTPResponse response = send(endpoint, client, grant, scope, resource, dpop);
    if (dpop != null && response.getStatusCode() == 400 && response.getDPoPNonce() != null
        && "use_dpop_nonce".equals(errorCode(response))) {
      response = send(endpoint, client, grant, scope, resource, dpop);
    }
    TokenResponse parsed;
    try {
      parsed = TokenResponse.parse(response);
    } catch (ParseException e) {
      throw new McpAuthException("token endpoint " + endpoint + " answered the "
          + grant.getType() + " request with HTTP " + response.getStatusCode()
          + " and no readable token response: " + e.getMessage());
    }
    if (!parsed.indicatesSuccess()) {
      TokenErrorResponse error = parsed.toErrorResponse();
      String code = error.getErrorObject() == null ? null : error.getErrorObject().getCode();
      if (response.getStatusCode() >= 500) {
        // the endpoint failed rather than judged the request: the grant may well be fine
        throw new McpAuthException("token endpoint " + endpoint + " failed the "
            + grant.getType() + " request with HTTP " + response.getStatusCode()
            + "; nothing was changed, try again later");
      }
      throw new RefusedException("token endpoint " + endpoint + " refused the "
          + grant.getType() + " request: " + Errors.describe(error.getErrorObject()), code);
    }
    return parsed.toSuccessResponse().getTokens();
  }

  private HTTPResponse send(
      URI endpoint, Client client, AuthorizationGrant grant, Scope scope, URI resource,
      DPoPKey dpop) throws IOException {
    ClientAuthentication auth = authentication(client, endpoint);
    List<URI> resources = resource == null ? null : List.of(resource);
    TokenRequest request = auth != null
        ? new TokenRequest(endpoint, auth, grant, scope, resources, null)
        : new TokenRequest(endpoint, new ClientID(client.clientId()), grant, scope, resources, null,
            null);
    HTTPRequest http = request.toHTTPRequest();
    if (dpop != null) {
      http.setHeader("DPoP", dpop.proof("POST", endpoint, null, nonces.get(endpoint.toString())));
    }
    HTTPResponse response = http.send(sender);
    if (dpop != null && response.getDPoPNonce() != null) {
      nonces.put(endpoint.toString(), response.getDPoPNonce().getValue());
    }
    return response;
  }

  private static String errorCode(HTTPResponse response) {
    try {
      TokenResponse parsed = TokenResponse.parse(response);
      return parsed.indicatesSuccess() || parsed.toErrorResponse().getErrorObject() == null
          ? null : parsed.toErrorResponse().getErrorObject().getCode();
    } catch (ParseException e) {
      return null;
    }
  }

  /** Revokes {@code token}; true when the server confirmed (RFC 7009: 200). */
  public boolean revoke(URI endpoint, Client client, Token token) throws IOException {
    ClientAuthentication auth = authentication(client, endpoint);
    TokenRevocationRequest request = auth != null
        ? new TokenRevocationRequest(endpoint, auth, token)
        : new TokenRevocationRequest(endpoint, new ClientID(client.clientId()), token);
    HTTPRequest http = request.toHTTPRequest();
    return http.send(sender).getStatusCode() == 200;
  }

  public static AccessToken accessToken(String value) {
    return new com.nimbusds.oauth2.sdk.token.BearerAccessToken(value);
  }

  public static RefreshToken refreshToken(String value) {
    return new RefreshToken(value);
  }

  private static ClientAuthentication authentication(Client client, URI endpoint)
      throws McpAuthException {
    ClientAuthMethod method = ClientAuthMethod.fromValue(client.authMethod());
    if (method == null) {
      throw new McpAuthException("unsupported token endpoint auth method '" + client.authMethod()
          + "' for client " + client.clientId());
    }
    ClientID id = new ClientID(client.clientId());
    switch (method) {
      case NONE:
        return null;
      case CLIENT_SECRET_BASIC:
        return new ClientSecretBasic(id, new Secret(requireSecret(client)));
      case CLIENT_SECRET_POST:
        return new ClientSecretPost(id, new Secret(requireSecret(client)));
      case PRIVATE_KEY_JWT:
      default:
        return privateKeyJwt(client, id, endpoint);
    }
  }

  private static String requireSecret(Client client) throws McpAuthException {
    if (client.clientSecret() == null) {
      throw new McpAuthException("client " + client.clientId() + " uses " + client.authMethod()
          + " but has no client secret");
    }
    return client.clientSecret();
  }

  private static ClientAuthentication privateKeyJwt(Client client, ClientID id, URI endpoint)
      throws McpAuthException {
    OAuthServerCredentials holder = client.keyHolder();
    if (holder == null || holder.privateKey() == null) {
      throw new McpAuthException("client " + client.clientId()
          + " uses private_key_jwt but no private key is configured for it");
    }
    PrivateKey key = holder.privateKey();
    JWSAlgorithm alg = holder.signingAlgorithm() != null
        ? JWSAlgorithm.parse(holder.signingAlgorithm())
        : key instanceof ECPrivateKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    // the audience is the authorization server's issuer (RFC 7523 as updated for OAuth 2.1)
    String audience = client.issuer() != null ? client.issuer() : endpoint.toString();
    JWTAuthenticationClaimsSet claims =
        new JWTAuthenticationClaimsSet(id, new Audience(audience));
    try {
      return new PrivateKeyJWT(claims, alg, key, holder.keyId(), null);
    } catch (JOSEException e) {
      throw new McpAuthException("could not sign the client assertion for " + client.clientId()
          + " with " + alg + ": " + e.getMessage());
    }
  }
}
