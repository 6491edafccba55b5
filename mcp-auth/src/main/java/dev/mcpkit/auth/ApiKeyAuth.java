package dev.mcpkit.auth;

import dev.mcpkit.auth.internal.Uris;
import dev.mcpkit.auth.internal.Vault;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.auth.spi.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * API keys for MCP servers that want one instead of OAuth: a key is saved (encrypted, in the same
 * {@link TokenStore} as OAuth tokens) for an owner and a server together with the header it goes in, and
 * {@link #interceptor} adds it to every request to that server.
 */
public final class ApiKeyAuth {
  /** Where a key is sent. */
  public record Header(String name, String prefix) {
    public Header {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new IllegalArgumentException("not a valid header name: '" + name + "'");
      }
      prefix = prefix == null ? "" : prefix;
    }

    /** {@code Authorization: Bearer <key>}. */
    public static Header bearer() {
      return new Header("Authorization", "Bearer ");
    }

    /** {@code X-API-Key: <key>}. */
    public static Header xApiKey() {
      return new Header("X-API-Key", "");
    }

    /** {@code <name>: <key>}. */
    public static Header named(String name) {
      return new Header(name, "");
    }
  }

  private record StoredKey(String key, String header, String prefix) {
    @Override
    public String toString() {
      return "StoredKey[header=" + header + "]";
    }
  }

  private final Vault vault;

  public ApiKeyAuth(TokenStore store, SecretCipher cipher) {
    this.vault = new Vault(store, cipher);
  }

  /** Saves {@code apiKey} for {@code owner} at {@code server}, replacing any previous key. */
  public void save(TokenOwner owner, URI server, String apiKey, Header header) throws IOException {
    if (apiKey == null || apiKey.isBlank() || apiKey.chars().anyMatch(c -> c < 32 || c == 127)) {
      throw new IllegalArgumentException("the API key is empty or has control characters");
    }
    vault.write(key(owner, server), new StoredKey(apiKey, header.name(), header.prefix()));
  }

  /** Deletes the key of {@code owner} at {@code server}; true if there was one. */
  public boolean remove(TokenOwner owner, URI server) throws IOException {
    TokenKey key = key(owner, server);
    boolean had = vault.read(key, StoredKey.class) != null;
    vault.remove(key);
    return had;
  }

  public boolean has(TokenOwner owner, URI server) throws IOException {
    return vault.read(key(owner, server), StoredKey.class) != null;
  }

  /** Adds the saved key to requests to {@code server}'s origin; fails if none is saved. */
  public Interceptor interceptor(TokenOwner owner, URI server) {
    URI canonical = Uris.canonical(server);
    TokenKey key = key(owner, canonical);
    return new Interceptor() {
      @Override
      public Response intercept(Chain chain) throws IOException {
        var request = chain.request();
        if (!Uris.origin(request.url().uri()).equals(Uris.origin(canonical))) {
          return chain.proceed(request);
        }
        StoredKey stored = vault.read(key, StoredKey.class);
        if (stored == null) {
          throw new McpAuthException("no API key saved for " + owner + " at " + canonical);
        }
        return chain.proceed(request.newBuilder()
            .header(stored.header(), stored.prefix() + stored.key()).build());
      }

      @Override
      public String toString() {
        return "ApiKeyInterceptor[" + owner + " -> " + canonical + "]";
      }
    };
  }

  private static TokenKey key(TokenOwner owner, URI server) {
    return new TokenKey(owner, TokenKey.API_KEY_ISSUER, Uris.canonical(server).toString());
  }
}
