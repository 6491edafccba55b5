package dev.mcpkit.auth;

import dev.mcpkit.auth.internal.BearerChallenge;
import dev.mcpkit.auth.internal.DPoPChallenge;
import dev.mcpkit.auth.internal.OAuthEngine.Credential;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp application interceptor bound to one owner and one MCP server. It sends the stored access
 * token (refreshed shortly before expiry) as {@code Authorization: Bearer}, or for a DPoP-bound token as
 * {@code Authorization: DPoP} with a fresh proof ({@code htm}, {@code htu}, {@code ath}, the server's
 * latest {@code DPoP-Nonce}) on every request, retried once when the server asks for a new nonce; on a 401 it renews the token
 * once (one refresh per credential at a time, however many requests fail together) and otherwise
 * authorizes through the {@link AuthorizationHandler}; on a 403 {@code insufficient_scope} it steps up to
 * the challenged scopes plus those already granted, a bounded number of times per request. Requests to
 * other hosts pass through untouched, so a token never leaves for another server.
 *
 * <p>Requests are retried, so their bodies must be replayable (OkHttp's are unless one-shot).
 */
public final class OAuthInterceptor implements Interceptor {
  private final McpOAuth oauth;
  private final TokenOwner owner;
  private final URI server;
  private final int maxStepUps;
  private volatile String rsNonce;
  private volatile TokenSource lastSource;

  OAuthInterceptor(McpOAuth oauth, TokenOwner owner, URI server, int maxStepUps) {
    this.oauth = oauth;
    this.owner = owner;
    this.server = server;
    this.maxStepUps = maxStepUps;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!sameOrigin(request)) {
      return chain.proceed(request);
    }
    Credential token = oauth.currentToken(owner, server);
    Response response = chain.proceed(withToken(request, token));
    boolean renewed = false;
    boolean authorized = false;
    boolean nonceRetried = false;
    int stepUps = 0;
    while (true) {
      int code = response.code();
      if (token != null && token.dpopKey() != null && noteNonce(response) && code == 401
          && !nonceRetried && DPoPChallenge.useNonce(response.headers("WWW-Authenticate"))) {
        nonceRetried = true; // RFC 9449 section 9: once more, with the server's nonce
        response.close();
      } else if (code == 401) {
        BearerChallenge challenge = BearerChallenge.parse(response.headers("WWW-Authenticate"));
        Credential next = null;
        if (token != null && !renewed) {
          renewed = true;
          next = oauth.renew(owner, server, token.token());
        }
        if (next == null) {
          if (authorized) {
            return response;
          }
          authorized = true;
          response.close();
          next = oauth.authorize(owner, server, challenge, Set.of());
        } else {
          response.close();
        }
        token = next;
      } else if (code == 403 && token != null) {
        BearerChallenge challenge = BearerChallenge.parse(response.headers("WWW-Authenticate"));
        if (!challenge.insufficientScope() || stepUps >= maxStepUps) {
          return response;
        }
        stepUps++;
        response.close();
        Set<String> keep = new LinkedHashSet<>(oauth.grantedScopes(owner, server));
        token = oauth.authorize(owner, server, challenge, keep);
      } else {
        return response;
      }
      response = chain.proceed(withToken(request, token));
    }
  }

  private boolean sameOrigin(Request request) {
    URI target = request.url().uri();
    return target.getScheme().equalsIgnoreCase(server.getScheme())
        && target.getHost().equalsIgnoreCase(server.getHost())
        && request.url().port() == effectivePort(server);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Remembers the server's DPoP nonce if the response carries one; true if it did. */
  private boolean noteNonce(Response response) {
    String nonce = response.header("DPoP-Nonce");
    if (nonce == null || nonce.isBlank() || nonce.length() > 1024) {
      return false;
    }
    rsNonce = nonce;
    return true;
  }

  private Request withToken(Request request, Credential token) throws IOException {
    if (token == null) {
      return request;
    }
    lastSource = token.source();
    if (token.dpopKey() == null) {
      return request.newBuilder().header("Authorization", "Bearer " + token.token()).build();
    }
    String proof = token.dpopKey().proof(request.method(), request.url().uri(), token.token(),
        rsNonce);
    return request.newBuilder()
        .header("Authorization", "DPoP " + token.token())
        .header("DPoP", proof)
        .build();
  }

  /**
   * Which way the token this interceptor last sent was obtained, or null before it sent one. Cheap
   * (no store access): for logs and audit of the calls made through it.
   */
  public TokenSource tokenSource() {
    return lastSource;
  }

  @Override
  public String toString() {
    return "OAuthInterceptor[" + owner + " -> " + server + "]";
  }
}
