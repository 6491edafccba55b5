package dev.mcpkit.server.explorer;

import dev.mcpkit.server.explorer.internal.PageRenderer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders the explorer page. The page is one self-contained HTML document: its stylesheet and
 * script come from this jar and are inlined under a per-response nonce, so the response needs no
 * other route and loads nothing from elsewhere.
 *
 * <p>Mount it on the MCP endpoint itself: when {@link #wantsPage} is true for a request (a
 * browser's {@code GET} asking for HTML), answer 200 with {@link #headers} and {@link #render},
 * using one fresh {@link #newNonce} for both, after the endpoint's own authentication. The page's
 * Run test posts to the URL it was loaded from, so it must be served at the endpoint's URL.
 *
 * <p>All methods are thread-safe.
 */
public final class ExplorerPage {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

  private ExplorerPage() {}

  /** A fresh nonce for one response: 128 random bits, base64url. */
  public static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Whether a request to the endpoint is a browser asking for the page: a {@code GET} whose
   * {@code Accept} header names {@code text/html} and not {@code text/event-stream}. MCP clients
   * never send that: their {@code GET} asks for an event stream.
   *
   * @param method the HTTP method
   * @param accept the {@code Accept} header, or null
   */
  public static boolean wantsPage(String method, String accept) {
    if (!"GET".equalsIgnoreCase(method) || accept == null) {
      return false;
    }
    String lower = accept.toLowerCase(Locale.ROOT);
    return lower.contains("text/html") && !lower.contains("text/event-stream");
  }

  /**
   * The page for {@code model}.
   *
   * @param cspNonce the nonce of this response's {@link #headers}
   * @throws IllegalArgumentException when the nonce is not at least 16 base64 characters
   */
  public static String render(ExplorerModel model, String cspNonce) {
    Objects.requireNonNull(model, "model");
    return PageRenderer.render(model, checkNonce(cspNonce));
  }

  /**
   * The response headers for a page rendered with {@code cspNonce}: {@code Content-Type}, a strict
   * {@code Content-Security-Policy} (scripts and styles only with the nonce, images and media only
   * from {@code data:} URLs, requests only to this origin, no framing, no form posts, no base
   * URL), {@code X-Content-Type-Options}, {@code X-Frame-Options}, {@code Referrer-Policy},
   * {@code Cache-Control: no-store} and {@code Vary: Accept} (the same URL also answers MCP).
   */
  public static Map<String, String> headers(String cspNonce) {
    String nonce = checkNonce(cspNonce);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
        + "'; style-src 'nonce-" + nonce + "'; img-src data:; media-src data:;"
        + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cache-Control", "no-store");
    headers.put("Vary", "Accept");
    return Collections.unmodifiableMap(headers);
  }

  private static String checkNonce(String nonce) {
    if (nonce == null || !NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException(
          "the CSP nonce must be at least 16 base64 characters; use ExplorerPage.newNonce()");
    }
    return nonce;
  }
}
