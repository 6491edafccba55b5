package dev.mcpkit.auth.internal;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import dev.mcpkit.auth.ClientAuthMethod;
import dev.mcpkit.auth.EnterpriseAuthorization;
import dev.mcpkit.auth.McpAuthException;
import dev.mcpkit.auth.OAuthServerCredentials;
import dev.mcpkit.auth.TokenOwner;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The grants that present an assertion instead of a user's consent: workload identity federation (the
 * workload's own JWT in a JWT bearer grant) and enterprise-managed authorization (the user's ID token
 * exchanged at the enterprise identity provider for an ID-JAG, which is then the JWT bearer
 * assertion). Every message is built and parsed by Nimbus.
 */
final class AssertionGrants {
  /** RFC 8693 token type of an identity assertion authorization grant. */
  static final String ID_JAG = "urn:ietf:params:oauth:token-type:id-jag";
  private static final TokenTypeURI ID_JAG_TYPE = idJagType();

  private final TokenEndpoint tokens;

  AssertionGrants(TokenEndpoint tokens) {
    this.tokens = tokens;
  }

  /** The JWT bearer grant with the workload's current JWT. */
  static AuthorizationGrant workload(OAuthServerCredentials creds) throws IOException {
    return new JWTBearerGrant(parse(creds.workloadIdentity().jwt(), "the workload identity"));
  }

  /**
   * The JWT bearer grant with a fresh ID-JAG for {@code owner}, or null when the identity provider
   * holds no assertion for them.
   *
   * @param issuer the MCP server's authorization server (the ID-JAG's audience)
   * @param resource the MCP server's resource identifier
   */
  AuthorizationGrant enterprise(
      OAuthServerCredentials creds, TokenOwner owner, String issuer, URI resource, Scope scope)
      throws IOException {
    EnterpriseAuthorization idp = creds.enterprise();
    String idToken = idp.assertions().idToken(owner);
    if (idToken == null || idToken.isBlank()) {
      return null;
    }
    TokenExchangeGrant exchange = new TokenExchangeGrant(
        new TypelessAccessToken(idToken), TokenTypeURI.ID_TOKEN, null, null,
        ID_JAG_TYPE, List.of(new Audience(issuer)));
    String method = idp.clientSecret() != null
        ? ClientAuthMethod.CLIENT_SECRET_BASIC.value() : ClientAuthMethod.NONE.value();
    TokenEndpoint.Client client = new TokenEndpoint.Client(idp.clientId(), idp.clientSecret(),
        method, null, null);
    Tokens issued = tokens.request(idp.tokenEndpoint(), client, exchange, scope, resource);
    AccessToken jag = issued.getAccessToken();
    if (jag.getIssuedTokenType() != null && !ID_JAG.equals(jag.getIssuedTokenType().getURI()
        .toString())) {
      throw new McpAuthException("identity provider " + idp.tokenEndpoint() + " issued a "
          + jag.getIssuedTokenType() + " instead of an ID-JAG (" + ID_JAG + ")");
    }
    return new JWTBearerGrant(parse(jag.getValue(), "the identity provider's ID-JAG"));
  }

  private static TokenTypeURI idJagType() {
    try {
      return TokenTypeURI.parse(ID_JAG);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SignedJWT parse(String jwt, String what) throws McpAuthException {
    try {
      return SignedJWT.parse(jwt);
    } catch (java.text.ParseException e) {
      throw new McpAuthException(what + " is not a signed JWT");
    }
  }
}
