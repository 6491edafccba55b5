package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.DPoPTokenError;
import com.nimbusds.oauth2.sdk.token.TokenSchemeError;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A {@code WWW-Authenticate: Bearer ...} challenge from an MCP server. Nimbus parses the RFC 6750 part
 * ({@code error}, {@code error_description}, {@code scope}); the RFC 9728 {@code resource_metadata}
 * parameter, which Nimbus does not know, is read by {@link AuthParams}.
 *
 * @param error the {@code error} code, or null
 * @param scope the challenged scope, or null
 * @param resourceMetadata the {@code resource_metadata} URL, or null
 */
public record BearerChallenge(String error, Scope scope, URI resourceMetadata) {
  public static final BearerChallenge NONE = new BearerChallenge(null, null, null);

  public boolean insufficientScope() {
    return "insufficient_scope".equals(error);
  }

  /**
   * The first Bearer challenge among {@code headerValues}, else the first DPoP challenge (RFC 9449
   * section 7.1, same parameters); {@link #NONE} when there is neither.
   */
  public static BearerChallenge parse(List<String> headerValues) {
    String dpop = null;
    for (String value : headerValues) {
      for (String challenge : AuthParams.splitChallenges(value)) {
        if (challenge.toLowerCase(Locale.ROOT).startsWith("bearer")) {
          return parseOne(challenge, false);
        }
        if (dpop == null && DPoPChallenge.isDPoP(challenge)) {
          dpop = challenge;
        }
      }
    }
    return dpop == null ? NONE : parseOne(dpop, true);
  }

  private static BearerChallenge parseOne(String challenge, boolean dpop) {
    String error = null;
    Scope scope = null;
    try {
      TokenSchemeError parsed = dpop
          ? DPoPTokenError.parse(challenge) : BearerTokenError.parse(challenge);
      error = parsed.getCode();
      scope = parsed.getScope();
    } catch (ParseException | RuntimeException e) {
      // an unusual challenge: keep what the generic parameter reader finds below
    }
    var params = AuthParams.parse(challenge);
    if (error == null) {
      error = params.get("error");
    }
    if (scope == null && params.get("scope") != null) {
      scope = Scope.parse(params.get("scope"));
    }
    URI metadata = null;
    String raw = params.get("resource_metadata");
    if (raw != null) {
      try {
        metadata = URI.create(raw);
      } catch (IllegalArgumentException e) {
        metadata = null;
      }
    }
    return new BearerChallenge(error, scope, metadata);
  }
}
