package dev.mcpkit.auth.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.Scope;
import dev.mcpkit.auth.internal.BearerSupport;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.auth.McpPrincipal;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies JWT access tokens with Nimbus: the signature against the authorization server's JWKS (cached,
 * re-fetched when a token names an unknown key, so key rotation needs no restart), the issuer, the
 * audience (this server's resource URI, RFC 8707), expiry and not-before with a small clock skew, and the
 * required scopes ({@code scope} or {@code scp}). Missing or invalid tokens get 401 and insufficient scope
 * 403, each with a {@code WWW-Authenticate} challenge that points at the protected resource metadata.
 * Thread-safe.
 */
public final class JwtBearerAuthenticator implements McpAuthenticator {
  private final DefaultJWTProcessor<SecurityContext> processor;
  private final BearerSupport bearer;
  private final ProtectedResourceMetadata metadata;
  private final DPoPVerification dpop;

  private JwtBearerAuthenticator(Builder b) {
    this.metadata = b.metadata();
    this.bearer = new BearerSupport(metadata.metadataUrl(), b.requiredScopes);
    this.dpop = b.dpop;
    JWKSource<SecurityContext> keys = b.jwkSource != null ? b.jwkSource : remoteKeys(b);
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
        JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(b.algorithms, keys));
    Set<String> audiences = new LinkedHashSet<>();
    audiences.add(metadata.resource().toString());
    String r = metadata.resource().toString();
    audiences.add(r.endsWith("/") ? r.substring(0, r.length() - 1) : r + "/");
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        audiences, new JWTClaimsSet.Builder().issuer(b.issuer).build(), Set.of("exp", "iss"),
        null);
    claims.setMaxClockSkew((int) b.clockSkew.toSeconds());
    p.setJWTClaimsSetVerifier(claims);
    this.processor = p;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public AuthResult authenticate(HttpRequestView request) {
    String token = BearerSupport.bearerToken(request);
    String dpopToken = dpop == null ? null : BearerSupport.dpopToken(request);
    if (token == null && dpopToken == null) {
      return dpop == null ? bearer.missingToken()
          : bearer.dpopChallenge(null, null, DPoPVerification.ALGORITHMS, null, !dpop.required());
    }
    if (token != null && dpop != null && dpop.required()) {
      return dpopRefusal("invalid_token", "this server accepts only DPoP-bound tokens, presented"
          + " with the DPoP scheme and a proof", null);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token != null ? token : dpopToken, null);
    } catch (java.text.ParseException e) {
      return dpopToken != null ? dpopRefusal("invalid_token", "the token is not a JWT", null)
          : bearer.invalidToken("the token is not a JWT");
    } catch (Exception e) {
      return dpopToken != null ? dpopRefusal("invalid_token", describe(e), null)
          : bearer.invalidToken(describe(e));
    }
    if (token != null && claims.getClaim("cnf") != null) {
      // RFC 9449 section 7.2: a sender-constrained token must not be accepted as a bearer token
      return bearer.invalidToken("the token is bound to a key: present it with the DPoP scheme"
          + " and a proof");
    }
    if (dpopToken != null) {
      DPoPVerification.Outcome outcome = dpop.check(request.method(), request.uri(),
          request.header("DPoP"), dpopToken, claims);
      if (outcome.error() != null) {
        return dpopRefusal(outcome.error(), outcome.description(), outcome.nonce());
      }
    }
    Set<String> scopes = scopes(claims);
    AuthResult denied = bearer.checkScopes(scopes);
    if (denied != null) {
      return denied;
    }
    return AuthResult.authenticated(principal(claims, scopes));
  }

  private AuthResult dpopRefusal(String error, String description, String nonce) {
    return bearer.dpopChallenge(error, description, DPoPVerification.ALGORITHMS, nonce, false);
  }

  @Override
  public JsonNode protectedResourceMetadata() {
    JsonNode json = metadata.toJson();
    if (dpop != null) { // RFC 9449 section 5.2
      var algs = ((com.fasterxml.jackson.databind.node.ObjectNode) json)
          .putArray("dpop_signing_alg_values_supported");
      DPoPVerification.ALGORITHMS.stream().map(JWSAlgorithm::getName).sorted().forEach(algs::add);
      ((com.fasterxml.jackson.databind.node.ObjectNode) json)
          .put("dpop_bound_access_tokens_required", dpop.required());
    }
    return json;
  }

  public ProtectedResourceMetadata metadata() {
    return metadata;
  }

  static Set<String> scopes(JWTClaimsSet claims) {
    Set<String> scopes = new LinkedHashSet<>();
    Object scope = claims.getClaim("scope");
    Object scp = claims.getClaim("scp");
    for (Object value : new Object[] {scope, scp}) {
      if (value instanceof String s && !s.isBlank()) {
        scopes.addAll(Scope.parse(s).toStringList());
      } else if (value instanceof List<?> list) {
        list.forEach(item -> scopes.add(String.valueOf(item)));
      }
    }
    return scopes;
  }

  private static McpPrincipal principal(JWTClaimsSet claims, Set<String> scopes) {
    Object clientId = claims.getClaim("client_id");
    String subject = claims.getSubject() != null ? claims.getSubject()
        : clientId != null ? String.valueOf(clientId) : "unknown";
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("iss", claims.getIssuer());
    facts.put("aud", List.copyOf(claims.getAudience()));
    if (clientId != null) {
      facts.put("client_id", String.valueOf(clientId));
    }
    if (claims.getExpirationTime() != null) {
      facts.put("exp", claims.getExpirationTime().toInstant());
    }
    return new McpPrincipal(subject, scopes, facts);
  }

  /**
   * A fixed, secret-free description of why Nimbus refused a token, for the {@code error_description}.
   * Matched on the phrases of Nimbus's claim and signature checks, most specific first.
   */
  private static String describe(Exception e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("missing required claims")) {
      return "the token lacks a required claim (exp and iss are required)";
    }
    if (m.contains("expired")) {
      return "the token has expired";
    }
    if (m.contains("aud claim") || m.contains("audience")) {
      return "the token was not issued for this resource";
    }
    if (m.matches("(?s).*\\biss\\b.*")) {
      return "the token was issued by an untrusted issuer";
    }
    if (m.contains("before use time")) {
      return "the token is not valid yet";
    }
    if (m.contains("signature") || m.contains("key") || m.contains("algorithm")) {
      return "the token signature could not be verified";
    }
    if (m.contains("typ")) {
      return "the token is not an access token";
    }
    return "the token could not be verified";
  }

  private static JWKSource<SecurityContext> remoteKeys(Builder b) {
    Objects.requireNonNull(b.jwksUri, "jwksUri (or jwkSet) is required");
    DefaultResourceRetriever retriever = new DefaultResourceRetriever(
        (int) b.httpTimeout.toMillis(), (int) b.httpTimeout.toMillis(), 512 * 1024);
    try {
      return JWKSourceBuilder.<SecurityContext>create(b.jwksUri.toURL(), retriever)
          .cache(b.cacheTtl.toMillis(), b.httpTimeout.toMillis())
          .rateLimited(b.refetchMinInterval.toMillis())
          .refreshAheadCache(false)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("jwksUri is not a URL: " + b.jwksUri, e);
    }
  }

  @Override
  public String toString() {
    return "JwtBearerAuthenticator[resource=" + metadata.resource() + "]";
  }

  /** Builds a {@link JwtBearerAuthenticator}; issuer, resource and a key source are required. */
  public static final class Builder {
    private String issuer;
    private URI resource;
    private URI jwksUri;
    private JWKSource<SecurityContext> jwkSource;
    private Set<String> requiredScopes = Set.of();
    private List<String> scopesSupported = new ArrayList<>();
    private List<String> authorizationServers;
    private String resourceName;
    private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
        JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    private Duration clockSkew = Duration.ofSeconds(60);
    private Duration cacheTtl = Duration.ofMinutes(5);
    private Duration refetchMinInterval = Duration.ofSeconds(30);
    private Duration httpTimeout = Duration.ofSeconds(5);
    private DPoPVerification dpop;

    private Builder() {}

    /** The {@code iss} every token must carry (the authorization server's issuer identifier). */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** This MCP server's canonical URI; tokens must name it in {@code aud}. */
    public Builder resource(URI resource) {
      this.resource = Objects.requireNonNull(resource, "resource");
      return this;
    }

    /** Where the authorization server publishes its signing keys. */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
      return this;
    }

    /** Fixed signing keys instead of a JWKS URL. */
    public Builder jwkSet(JWKSet keys) {
      this.jwkSource = new ImmutableJWKSet<>(keys);
      return this;
    }

    public Builder requiredScopes(Set<String> scopes) {
      this.requiredScopes = Set.copyOf(scopes);
      return this;
    }

    /** Scopes advertised in the protected resource metadata; defaults to the required ones. */
    public Builder scopesSupported(List<String> scopes) {
      this.scopesSupported = List.copyOf(scopes);
      return this;
    }

    /** Authorization servers advertised in the metadata; defaults to the issuer. */
    public Builder authorizationServers(List<String> servers) {
      this.authorizationServers = List.copyOf(servers);
      return this;
    }

    public Builder resourceName(String resourceName) {
      this.resourceName = resourceName;
      return this;
    }

    public Builder algorithms(Set<JWSAlgorithm> algorithms) {
      this.algorithms = Set.copyOf(algorithms);
      return this;
    }

    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
      return this;
    }

    /** How long fetched keys are trusted before the JWKS is fetched again; default 5 minutes. */
    public Builder jwksCacheTtl(Duration ttl) {
      this.cacheTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** The least time between JWKS fetches caused by unknown key ids; default 30 seconds. */
    public Builder jwksRefetchMinInterval(Duration interval) {
      this.refetchMinInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    public Builder httpTimeout(Duration timeout) {
      this.httpTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    ProtectedResourceMetadata metadata() {
      Objects.requireNonNull(issuer, "issuer is required");
      Objects.requireNonNull(resource, "resource is required");
      List<String> scopes = scopesSupported.isEmpty() ? List.copyOf(requiredScopes)
          : scopesSupported;
      return new ProtectedResourceMetadata(resource,
          authorizationServers != null ? authorizationServers : List.of(issuer), scopes,
          resourceName);
    }

    /**
     * Accept DPoP-bound tokens ({@code Authorization: DPoP}) with proofs checked as
     * {@code verification} says; with {@link DPoPVerification.Builder#required}, only those.
     */
    public Builder dpop(DPoPVerification verification) {
      this.dpop = Objects.requireNonNull(verification, "verification");
      return this;
    }

    public JwtBearerAuthenticator build() {
      return new JwtBearerAuthenticator(this);
    }
  }
}
