package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
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

  /** The first Bearer challenge among {@code headerValues}; {@link #NONE} when there is none. */
  public static BearerChallenge parse(List<String> headerValues) {
    for (String value : headerValues) {
      for (String challenge : AuthParams.splitChallenges(value)) {
        if (challenge.toLowerCase(Locale.ROOT).startsWith("bearer")) {
          return parseOne(challenge);
        }
      }
    }
    return NONE;
  }

  private static BearerChallenge parseOne(String challenge) {
    String error = null;
    Scope scope = null;
    try {
      BearerTokenError parsed = BearerTokenError.parse(challenge);
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
