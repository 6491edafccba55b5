package dev.mcpkit.auth;

import dev.mcpkit.auth.internal.BearerChallenge;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp application interceptor bound to one owner and one MCP server. It sends the stored access
 * token (refreshed shortly before expiry) as {@code Authorization: Bearer}; on a 401 it renews the token
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
    String token = oauth.currentToken(owner, server);
    Response response = chain.proceed(withToken(request, token));
    boolean renewed = false;
    boolean authorized = false;
    int stepUps = 0;
    while (true) {
      int code = response.code();
      if (code == 401) {
        BearerChallenge challenge = BearerChallenge.parse(response.headers("WWW-Authenticate"));
        String next = null;
        if (token != null && !renewed) {
          renewed = true;
          next = oauth.renew(owner, server, token);
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

  private static Request withToken(Request request, String token) {
    if (token == null) {
      return request;
    }
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }

  @Override
  public String toString() {
    return "OAuthInterceptor[" + owner + " -> " + server + "]";
  }
}
