package dev.mcpkit.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authorizes without a browser, for authorization servers that approve without user interaction (test
 * servers, the MCP conformance suite): it requests the authorization URL, follows redirects itself until
 * one points at the redirect URI, and returns that URL (with {@code code}, {@code state} and
 * {@code iss}) instead of visiting it. Never use it against a real user's authorization server.
 *
 * <p>Thread-safe. {@link #close} releases the HTTP client it made for itself (its connections and
 * dispatcher threads); a client the host gave is left as it is, and close is then a no-op.
 */
public final class HeadlessAuthorization implements AuthorizationHandler, AutoCloseable {
  private static final int MAX_REDIRECTS = 10;

  private final OkHttpClient http;
  private final URI redirectUri;
  private final boolean ownsClient;

  private HeadlessAuthorization(OkHttpClient http, URI redirectUri, boolean ownsClient) {
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    this.ownsClient = ownsClient;
  }

  /**
   * Catches redirects to {@code redirectUri} (compared without query), with an HTTP client of its
   * own (30 s per call), released by {@link #close}.
   */
  public static HeadlessAuthorization catching(URI redirectUri) {
    return new HeadlessAuthorization(
        new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build(), redirectUri, true);
  }

  /**
   * Catches redirects to {@code redirectUri} through the host's {@code http} client (its pool,
   * proxy, TLS; redirects are followed here, not by it), which {@link #close} leaves open.
   */
  public static HeadlessAuthorization catching(URI redirectUri, OkHttpClient http) {
    return new HeadlessAuthorization(Objects.requireNonNull(http, "http"), redirectUri, false);
  }

  /** The client requests go through; for tests in this package. */
  OkHttpClient client() {
    return http;
  }

  /**
   * Releases the HTTP client made by {@link #catching(URI)}: idle connections are closed and its
   * dispatcher's threads end. Does nothing to a client the host gave.
   */
  @Override
  public void close() {
    if (ownsClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public URI authorize(TokenOwner owner, URI server, URI authorizationUrl) throws IOException {
    return follow(authorizationUrl);
  }

  /** Follows {@code authorizationUrl} to the redirect URI and returns the callback URL. */
  public URI follow(URI authorizationUrl) throws IOException {
    URI current = authorizationUrl;
    for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
      Request request = new Request.Builder().url(current.toString()).get().build();
      try (Response response = http.newCall(request).execute()) {
        String location = response.header("Location");
        if (!response.isRedirect() || location == null) {
          throw new McpAuthException("the authorization server answered HTTP " + response.code()
              + " at " + strip(current) + " instead of redirecting to " + redirectUri
              + " (does it need a user to log in?)");
        }
        URI next = current.resolve(location);
        if (matchesRedirect(next)) {
          return next;
        }
        current = next;
      }
    }
    throw new McpAuthException("more than " + MAX_REDIRECTS + " redirects without reaching "
        + redirectUri);
  }

  private boolean matchesRedirect(URI uri) {
    return strip(uri).equals(strip(redirectUri));
  }

  private static String strip(URI uri) {
    String s = uri.toString();
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  @Override
  public String toString() {
    return "HeadlessAuthorization[" + redirectUri + "]";
  }
}
