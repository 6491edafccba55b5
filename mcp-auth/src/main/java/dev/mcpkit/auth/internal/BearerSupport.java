package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.DPoPTokenError;
import com.nimbusds.oauth2.sdk.token.TokenSchemeError;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What bearer-token verifiers share: reading the token from the {@code Authorization} header (never from
 * the query string) and building RFC 6750 challenges with the RFC 9728 {@code resource_metadata}.
 */
public final class BearerSupport {
  private final URI resourceMetadataUrl;
  private final Set<String> requiredScopes;

  public BearerSupport(URI resourceMetadataUrl, Set<String> requiredScopes) {
    this.resourceMetadataUrl = resourceMetadataUrl;
    this.requiredScopes = Set.copyOf(requiredScopes);
  }

  public Set<String> requiredScopes() {
    return requiredScopes;
  }

  /** The DPoP-scheme token of {@code request} (RFC 9449 section 7.1), or null if it has none. */
  public static String dpopToken(HttpRequestView request) {
    String header = request.header("Authorization");
    if (header == null || header.length() < 5
        || !header.substring(0, 5).toLowerCase(Locale.ROOT).equals("dpop ")) {
      return null;
    }
    String token = header.substring(5).trim();
    return token.isEmpty() ? null : token;
  }

  /**
   * 401 with a DPoP challenge ({@code error} may be null for a missing token), listing the accepted
   * proof algorithms; with a {@code DPoP-Nonce} header when {@code nonce} is given. With
   * {@code alsoBearer}, a Bearer challenge comes first, for clients that do not speak DPoP.
   */
  public AuthResult dpopChallenge(
      String error, String description, Set<JWSAlgorithm> algorithms, String nonce,
      boolean alsoBearer) {
    DPoPTokenError e = error == null ? DPoPTokenError.MISSING_TOKEN
        : new DPoPTokenError(error, description, 401);
    String value = header(e.setJWSAlgorithms(algorithms));
    if (alsoBearer) {
      value = header(BearerTokenError.MISSING_TOKEN.setScope(scope(requiredScopes))) + ", " + value;
    }
    String message = error == null
        ? "this MCP server requires an access token; see " + resourceMetadataUrl
        : error + ": " + description;
    return nonce == null ? AuthResult.unauthorized(value, message)
        : AuthResult.unauthorized(value, message, Map.of("DPoP-Nonce", nonce));
  }

  /** The bearer token of {@code request}, or null if it has none. */
  public static String bearerToken(HttpRequestView request) {
    String header = request.header("Authorization");
    if (header == null || header.length() < 7
        || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  /** 401 for a request without credentials: no error code (RFC 6750 section 3.1). */
  public AuthResult missingToken() {
    BearerTokenError error = BearerTokenError.MISSING_TOKEN;
    return AuthResult.unauthorized(header(error.setScope(scope(requiredScopes))),
        "this MCP server requires a bearer token; see " + resourceMetadataUrl);
  }

  /** 401 {@code invalid_token} with a fixed, secret-free description. */
  public AuthResult invalidToken(String description) {
    BearerTokenError error = BearerTokenError.INVALID_TOKEN.setDescription(description);
    return AuthResult.unauthorized(header(error), "invalid token: " + description);
  }

  /** 403 {@code insufficient_scope} naming the scopes needed. */
  public AuthResult insufficientScope(Collection<String> needed) {
    BearerTokenError error = BearerTokenError.INSUFFICIENT_SCOPE
        .setDescription("the token lacks a required scope")
        .setScope(scope(needed));
    return AuthResult.forbidden(header(error),
        "insufficient scope: this MCP server requires " + String.join(" ", needed));
  }

  /** Null when {@code granted} covers the required scopes, else the 403 result. */
  public AuthResult checkScopes(Collection<String> granted) {
    return granted.containsAll(requiredScopes) ? null : insufficientScope(requiredScopes);
  }

  private String header(TokenSchemeError error) {
    String value = error.toWWWAuthenticateHeader();
    if (resourceMetadataUrl == null) {
      return value;
    }
    String param = "resource_metadata=\"" + resourceMetadataUrl + "\"";
    String scheme = value.trim();
    return scheme.equalsIgnoreCase("bearer") || scheme.equalsIgnoreCase("dpop")
        ? scheme + " " + param : value + ", " + param;
  }

  private static Scope scope(Collection<String> scopes) {
    return scopes.isEmpty() ? null : new Scope(scopes.toArray(String[]::new));
  }
}
