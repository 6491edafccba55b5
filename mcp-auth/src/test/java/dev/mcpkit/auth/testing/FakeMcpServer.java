package dev.mcpkit.auth.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A protected MCP endpoint at {@code /mcp} on a loopback MockWebServer that accepts the tokens a
 * {@link FakeAuthorizationServer} issued, answers 401 and 403 with RFC 6750/9728 challenges, and serves
 * its protected resource metadata.
 */
public final class FakeMcpServer implements AutoCloseable {
  public final MockWebServer server = new MockWebServer();
  public volatile FakeAuthorizationServer as;
  public volatile String prmResourceOverride;
  public volatile List<String> scopesSupported;
  public volatile Set<String> requiredScopes = Set.of();
  public volatile String challengeScope;
  public volatile boolean servePrm = true;
  public volatile boolean alwaysInsufficientScope;
  public final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();

  public FakeMcpServer(FakeAuthorizationServer as) throws IOException {
    this.as = as;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return handle(request);
      }
    });
    server.start(0);
  }

  public String url() {
    return server.url("/mcp").toString();
  }

  public String prmUrl() {
    return server.url("/.well-known/oauth-protected-resource/mcp").toString();
  }

  private MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/.well-known/oauth-protected-resource/mcp") && servePrm) {
      ObjectNode prm = McpJson.object();
      prm.put("resource", prmResourceOverride != null ? prmResourceOverride : url());
      prm.putArray("authorization_servers").add(as.issuer());
      if (scopesSupported != null) {
        var a = prm.putArray("scopes_supported");
        scopesSupported.forEach(a::add);
      }
      return FakeAuthorizationServer.json(200, prm);
    }
    if (!path.equals("/mcp")) {
      return new MockResponse.Builder().code(404).build();
    }
    String auth = request.getHeaders().get("Authorization");
    authorizationHeaders.add(auth == null ? "" : auth);
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    List<String> granted = token == null ? null : as.tokens.get(token);
    if (granted == null) {
      String challenge = "Bearer resource_metadata=\"" + prmUrl() + "\""
          + (challengeScope != null ? ", scope=\"" + challengeScope + "\"" : "")
          + (token != null ? ", error=\"invalid_token\"" : "");
      return new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", challenge)
          .body("{}").build();
    }
    if (alwaysInsufficientScope || !granted.containsAll(requiredScopes)) {
      return new MockResponse.Builder().code(403)
          .addHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
              + String.join(" ", requiredScopes) + "\", resource_metadata=\"" + prmUrl() + "\"")
          .body("{}").build();
    }
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}").build();
  }

  @Override
  public void close() {
    server.close();
  }
}
