package dev.mcpkit.auth.spi;

import dev.mcpkit.auth.TokenOwner;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where one credential lives in a {@link TokenStore}: its owner, the authorization server that issued it
 * (its {@code issuer}, or a fixed marker such as {@link #API_KEY_ISSUER} for credentials that no
 * authorization server issued) and the resource (the MCP server's canonical URI) it is for.
 */
public record TokenKey(TokenOwner owner, String issuer, String resource) {
  /** The issuer of credentials a host entered itself: API keys. */
  public static final String API_KEY_ISSUER = "urn:mcpkit:api-key";

  public TokenKey {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(resource, "resource");
  }

  /**
   * The canonical form of an MCP server's URI, as credentials are keyed by it ({@link #resource()}):
   * lower-case scheme and host, default port dropped, no query or fragment, no trailing slash on an
   * empty path.
   *
   * @throws IllegalArgumentException when {@code server} is not an absolute http(s) URI
   * @deprecated not part of the store contract; it was only public for mcp-policy, which now
   *     canonicalises through mcp-auth's implementation directly
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static java.net.URI canonicalResource(java.net.URI server) {
    return dev.mcpkit.auth.internal.Uris.canonical(server);
  }

  /**
   * The bytes the cipher authenticates along with a value (AES-GCM associated data), so that a
   * ciphertext copied into another key's slot fails to decrypt.
   */
  public byte[] associatedData() {
    return (owner.kind() + "\n" + owner.id() + "\n" + issuer + "\n" + resource)
        .getBytes(StandardCharsets.UTF_8);
  }
}
