package dev.mcpkit.auth.server;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import dev.mcpkit.auth.spi.ApiKeyRecord;
import dev.mcpkit.auth.spi.ApiKeyStore;
import dev.mcpkit.auth.spi.InMemoryApiKeyStore;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.auth.McpPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies API keys sent in a header ({@code X-API-Key} by default, or {@code Authorization: Bearer}).
 * Keys are high-entropy random strings, so the store keeps only their SHA-256 hashes; a presented key is
 * hashed, looked up, and the hashes compared again in constant time. Each key maps to a principal and
 * scopes, and can be revoked. Thread-safe.
 */
public final class ApiKeyAuthenticator implements McpAuthenticator {
  /** A newly issued key: {@link #key()} is shown to its owner once and never stored. */
  public record IssuedApiKey(String id, String key) {
    @Override
    public String toString() {
      return "IssuedApiKey[id=" + id + ", key=***]";
    }
  }

  private static final String KEY_PREFIX = "mcpk_";

  private final ApiKeyStore store;
  private final String header;
  private final boolean bearer;
  private final Set<String> requiredScopes;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private ApiKeyAuthenticator(Builder b) {
    this.store = b.store;
    this.header = b.header;
    this.bearer = b.header.equalsIgnoreCase("Authorization");
    this.requiredScopes = b.requiredScopes;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Issues a new key for {@code subject} with {@code scopes}; the store receives only its hash. */
  public IssuedApiKey issue(String subject, Set<String> scopes) throws IOException {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String id = UUID.randomUUID().toString();
    store.put(new ApiKeyRecord(id, sha256(key), subject, scopes, clock.instant()));
    return new IssuedApiKey(id, key);
  }

  /** Registers a key that was issued elsewhere (it must be high-entropy: at least 32 characters). */
  public void register(String id, String key, String subject, Set<String> scopes)
      throws IOException {
    if (key == null || key.length() < 32) {
      throw new IllegalArgumentException("API keys must be at least 32 characters of randomness");
    }
    store.put(new ApiKeyRecord(id, sha256(key), subject, scopes, clock.instant()));
  }

  /** Revokes the key with {@code id}; later requests with it get 401. */
  public boolean revoke(String id) throws IOException {
    return store.remove(id);
  }

  @Override
  public AuthResult authenticate(HttpRequestView request) {
    String presented = presentedKey(request);
    if (presented == null) {
      return AuthResult.unauthorized(challenge(null),
          "this MCP server requires an API key in the " + header + " header");
    }
    byte[] hash = sha256(presented);
    ApiKeyRecord record;
    try {
      record = store.findBySha256(hash);
    } catch (IOException e) {
      throw new UncheckedIOException("the API key store failed: " + e.getMessage(), e);
    }
    if (record == null || !MessageDigest.isEqual(record.sha256(), hash)) {
      return AuthResult.unauthorized(challenge(BearerTokenError.INVALID_TOKEN),
          "the API key is unknown or was revoked");
    }
    if (!record.scopes().containsAll(requiredScopes)) {
      return AuthResult.forbidden(challenge(BearerTokenError.INSUFFICIENT_SCOPE),
          "the API key lacks a required scope: " + String.join(" ", requiredScopes));
    }
    return AuthResult.authenticated(new McpPrincipal(record.subject(), record.scopes(),
        Map.of("auth", "api_key", "key_id", record.id())));
  }

  private String presentedKey(HttpRequestView request) {
    String value = request.header(header);
    if (value == null) {
      return null;
    }
    if (bearer) {
      if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return null;
      }
      value = value.substring(7);
    }
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  /** The RFC 6750 challenge (built by Nimbus) when keys travel as bearer tokens, else none. */
  private String challenge(BearerTokenError error) {
    if (!bearer) {
      return null;
    }
    BearerTokenError challenge = error == null ? BearerTokenError.MISSING_TOKEN : error;
    if (error == BearerTokenError.INSUFFICIENT_SCOPE && !requiredScopes.isEmpty()) {
      challenge = challenge.setScope(new Scope(requiredScopes.toArray(String[]::new)));
    }
    return challenge.setRealm("mcp").toWWWAuthenticateHeader();
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeyAuthenticator[header=" + header + ", store=" + store + "]";
  }

  /** Builds an {@link ApiKeyAuthenticator}. */
  public static final class Builder {
    private ApiKeyStore store = new InMemoryApiKeyStore();
    private String header = "X-API-Key";
    private Set<String> requiredScopes = Set.of();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder store(ApiKeyStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The header carrying the key: a custom name, or "Authorization" for {@code Bearer <key>}. */
    public Builder header(String header) {
      this.header = Objects.requireNonNull(header, "header");
      return this;
    }

    public Builder requiredScopes(Set<String> scopes) {
      this.requiredScopes = Set.copyOf(scopes);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ApiKeyAuthenticator build() {
      return new ApiKeyAuthenticator(this);
    }
  }
}
