package dev.mcpkit.auth.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.mcpkit.auth.internal.BearerSupport;
import dev.mcpkit.auth.internal.OkHttpSender;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.auth.McpPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * Verifies opaque (or any) access tokens by asking the authorization server (RFC 7662 token
 * introspection, built and parsed by Nimbus): the token must be active, name this server in {@code aud}
 * (unless {@link Builder#requireAudience(boolean)} is off), come from the configured issuer if one is set,
 * and carry the required scopes. Answers are cached briefly, keyed by the token's SHA-256 hash and never
 * past the token's expiry. When the introspection endpoint cannot be reached, {@link #authenticate}
 * throws {@link UncheckedIOException} so the server answers with an error instead of letting the request
 * through or blaming the client's token. Thread-safe.
 */
public final class IntrospectionAuthenticator implements McpAuthenticator {
  private static final int MAX_CACHED = 10_000;

  private record Cached(McpPrincipal principal, Instant until) {}

  private final URI endpoint;
  private final ClientSecretBasic clientAuth;
  private final OkHttpSender sender;
  private final BearerSupport bearer;
  private final ProtectedResourceMetadata metadata;
  private final String issuer;
  private final boolean requireAudience;
  private final Duration cacheTtl;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private IntrospectionAuthenticator(Builder b) {
    this.endpoint = Objects.requireNonNull(b.endpoint, "introspectionEndpoint is required");
    this.clientAuth = b.clientId == null ? null
        : new ClientSecretBasic(new ClientID(b.clientId), new Secret(b.clientSecret));
    this.sender = new OkHttpSender(b.http != null ? b.http : new OkHttpClient.Builder()
        .callTimeout(Duration.ofSeconds(10)).build());
    this.metadata = Objects.requireNonNull(b.metadata, "metadata is required");
    this.bearer = new BearerSupport(metadata.metadataUrl(), b.requiredScopes);
    this.issuer = b.issuer;
    this.requireAudience = b.requireAudience;
    this.cacheTtl = b.cacheTtl;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public AuthResult authenticate(HttpRequestView request) {
    String token = BearerSupport.bearerToken(request);
    if (token == null) {
      return bearer.missingToken();
    }
    String hash = sha256(token);
    Cached cached = cache.get(hash);
    McpPrincipal principal;
    if (cached != null && cached.until().isAfter(clock.instant())) {
      principal = cached.principal();
    } else {
      cache.remove(hash);
      TokenIntrospectionSuccessResponse answer;
      try {
        answer = introspect(token);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "token introspection at " + endpoint + " failed: " + e.getMessage(), e);
      }
      AuthResult invalid = check(answer);
      if (invalid != null) {
        return invalid;
      }
      principal = principal(answer);
      remember(hash, principal, answer);
    }
    AuthResult denied = bearer.checkScopes(principal.scopes());
    return denied != null ? denied : AuthResult.authenticated(principal);
  }

  @Override
  public JsonNode protectedResourceMetadata() {
    return metadata.toJson();
  }

  private TokenIntrospectionSuccessResponse introspect(String token) throws IOException {
    BearerAccessToken subject = new BearerAccessToken(token);
    TokenIntrospectionRequest request = clientAuth != null
        ? new TokenIntrospectionRequest(endpoint, clientAuth, subject)
        : new TokenIntrospectionRequest(endpoint, subject);
    HTTPResponse response = request.toHTTPRequest().send(sender);
    TokenIntrospectionResponse parsed;
    try {
      parsed = TokenIntrospectionResponse.parse(response);
    } catch (ParseException e) {
      throw new IOException("HTTP " + response.getStatusCode()
          + " with no readable introspection response: " + e.getMessage());
    }
    if (!parsed.indicatesSuccess()) {
      throw new IOException("the introspection endpoint refused: "
          + parsed.toErrorResponse().getErrorObject().getCode()
          + " (check the resource server's client credentials)");
    }
    return parsed.toSuccessResponse();
  }

  private AuthResult check(TokenIntrospectionSuccessResponse answer) {
    if (!answer.isActive()) {
      return bearer.invalidToken("the token is not active");
    }
    if (answer.getExpirationTime() != null
        && !answer.getExpirationTime().toInstant().isAfter(clock.instant())) {
      return bearer.invalidToken("the token has expired");
    }
    if (issuer != null && (answer.getIssuer() == null
        || !issuer.equals(answer.getIssuer().getValue()))) {
      return bearer.invalidToken("the token was issued by an untrusted issuer");
    }
    List<Audience> audience = answer.getAudience();
    String resource = metadata.resource().toString();
    boolean forUs = audience != null && audience.stream().map(Audience::getValue)
        .anyMatch(a -> a.equals(resource) || a.equals(resource + "/")
            || (a + "/").equals(resource));
    if (!forUs && (requireAudience || audience != null)) {
      return bearer.invalidToken("the token was not issued for this resource");
    }
    return null;
  }

  private static McpPrincipal principal(TokenIntrospectionSuccessResponse answer) {
    Set<String> scopes = answer.getScope() == null ? Set.of()
        : new LinkedHashSet<>(answer.getScope().toStringList());
    String subject = answer.getSubject() != null ? answer.getSubject().getValue()
        : answer.getClientID() != null ? answer.getClientID().getValue() : "unknown";
    Map<String, Object> facts = new LinkedHashMap<>();
    if (answer.getIssuer() != null) {
      facts.put("iss", answer.getIssuer().getValue());
    }
    if (answer.getClientID() != null) {
      facts.put("client_id", answer.getClientID().getValue());
    }
    if (answer.getExpirationTime() != null) {
      facts.put("exp", answer.getExpirationTime().toInstant());
    }
    return new McpPrincipal(subject, scopes, facts);
  }

  private void remember(String hash, McpPrincipal principal, TokenIntrospectionSuccessResponse a) {
    if (cacheTtl.isZero()) {
      return;
    }
    Instant until = clock.instant().plus(cacheTtl);
    if (a.getExpirationTime() != null && a.getExpirationTime().toInstant().isBefore(until)) {
      until = a.getExpirationTime().toInstant();
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(hash, new Cached(principal, until));
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "IntrospectionAuthenticator[resource=" + metadata.resource() + ", endpoint=" + endpoint
        + "]";
  }

  /** Builds an {@link IntrospectionAuthenticator}; endpoint and metadata are required. */
  public static final class Builder {
    private URI endpoint;
    private String clientId;
    private String clientSecret;
    private ProtectedResourceMetadata metadata;
    private Set<String> requiredScopes = Set.of();
    private String issuer;
    private boolean requireAudience = true;
    private Duration cacheTtl = Duration.ofSeconds(30);
    private OkHttpClient http;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder introspectionEndpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** This resource server's credentials at the introspection endpoint (client_secret_basic). */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /** The metadata this server publishes; its {@code resource} is the audience tokens must have. */
    public Builder metadata(ProtectedResourceMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    public Builder requiredScopes(Set<String> scopes) {
      this.requiredScopes = Set.copyOf(scopes);
      return this;
    }

    /** Accept only tokens whose introspected {@code iss} is this. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** Whether an introspection answer without {@code aud} is refused; default true. */
    public Builder requireAudience(boolean requireAudience) {
      this.requireAudience = requireAudience;
      return this;
    }

    /** How long an answer is reused (never past expiry); zero disables caching; default 30 s. */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public IntrospectionAuthenticator build() {
      return new IntrospectionAuthenticator(this);
    }
  }
}
