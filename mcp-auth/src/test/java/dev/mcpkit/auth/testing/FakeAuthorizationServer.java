package dev.mcpkit.auth.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A scriptable authorization server on a loopback MockWebServer for what mock-oauth2-server does not do:
 * dynamic registration, resource-bound tokens, iss in redirects, metadata with a wrong issuer, failing
 * endpoints. It checks PKCE S256 like a real one.
 */
public final class FakeAuthorizationServer implements AutoCloseable {
  public enum Iss { CORRECT, OMIT, WRONG }

  public final MockWebServer server = new MockWebServer();
  public volatile String metadataIssuerOverride;
  public volatile List<String> codeChallengeMethods = List.of("S256");
  public volatile Boolean issParameterSupported = true;
  public volatile Iss issInRedirect = Iss.CORRECT;
  public volatile boolean registration = true;
  public volatile boolean clientIdMetadataDocumentSupported;
  public volatile List<String> tokenEndpointAuthMethods = List.of("none");
  public volatile List<String> scopesSupported;
  /** The metadata's grant_types_supported, or null to leave it out. */
  public volatile List<String> grantTypesSupported;
  public volatile long expiresIn = 3600;
  public volatile boolean issueRefreshTokens = true;
  public volatile int tokenEndpointStatus = 200;
  public volatile long tokenDelayMillis;
  public volatile int revocationStatus = 200;
  /** False: every refresh token is refused with invalid_grant (as after a revocation at the server). */
  public volatile boolean refreshTokensValid = true;
  /** Also plays a 2025-03-26 MCP server at /mcp: no protected resource metadata, AS at its origin. */
  public volatile boolean legacyMcpServer;
  public volatile boolean serveMetadata = true;

  public final List<Map<String, String>> authorizationRequests = new CopyOnWriteArrayList<>();
  public final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
  public final List<String> tokenAuthorizationHeaders = new CopyOnWriteArrayList<>();
  public final List<ObjectNode> registrations = new CopyOnWriteArrayList<>();
  public final List<String> revoked = new CopyOnWriteArrayList<>();
  public final AtomicInteger refreshCount = new AtomicInteger();
  /** access token -> granted scopes, resource */
  public final Map<String, List<String>> tokens = new ConcurrentHashMap<>();
  public final Map<String, String> tokenResources = new ConcurrentHashMap<>();

  private final Map<String, String[]> codes = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();

  public FakeAuthorizationServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          return handle(request);
        } catch (Exception e) {
          return new MockResponse.Builder().code(500).body(String.valueOf(e)).build();
        }
      }
    });
    server.start(0);
  }

  public String issuer() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  public void revokeAllTokens() {
    tokens.clear();
  }

  private MockResponse handle(RecordedRequest request) throws Exception {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    switch (path) {
      case "/.well-known/oauth-authorization-server":
        return serveMetadata ? json(200, metadata()) : new MockResponse.Builder().code(404).build();
      case "/mcp":
        if (legacyMcpServer) {
          String auth = request.getHeaders().get("Authorization");
          boolean ok = auth != null && auth.startsWith("Bearer ")
              && tokens.containsKey(auth.substring(7));
          return ok ? new MockResponse.Builder().code(200).body("{}").build()
              : new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", "Bearer")
                  .build();
        }
        return new MockResponse.Builder().code(404).build();
      case "/authorize":
        return authorize(url);
      case "/token":
        return token(request);
      case "/register":
        return register(request);
      case "/revoke":
        if (revocationStatus != 200) {
          return new MockResponse.Builder().code(revocationStatus).build();
        }
        revoked.add(form(request).get("token"));
        return new MockResponse.Builder().code(200).build();
      default:
        return new MockResponse.Builder().code(404).build();
    }
  }

  private ObjectNode metadata() {
    ObjectNode m = McpJson.object();
    m.put("issuer", metadataIssuerOverride != null ? metadataIssuerOverride : issuer());
    m.put("authorization_endpoint", issuer() + "/authorize");
    m.put("token_endpoint", issuer() + "/token");
    m.put("revocation_endpoint", issuer() + "/revoke");
    if (registration) {
      m.put("registration_endpoint", issuer() + "/register");
    }
    m.putArray("response_types_supported").add("code");
    if (codeChallengeMethods != null) {
      ArrayNode a = m.putArray("code_challenge_methods_supported");
      codeChallengeMethods.forEach(a::add);
    }
    ArrayNode methods = m.putArray("token_endpoint_auth_methods_supported");
    tokenEndpointAuthMethods.forEach(methods::add);
    if (issParameterSupported != null) {
      m.put("authorization_response_iss_parameter_supported", issParameterSupported);
    }
    if (clientIdMetadataDocumentSupported) {
      m.put("client_id_metadata_document_supported", true);
    }
    if (grantTypesSupported != null) {
      ArrayNode g = m.putArray("grant_types_supported");
      grantTypesSupported.forEach(g::add);
    }
    if (scopesSupported != null) {
      ArrayNode s = m.putArray("scopes_supported");
      scopesSupported.forEach(s::add);
    }
    return m;
  }

  private MockResponse authorize(HttpUrl url) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      q.put(name, url.queryParameter(name));
    }
    authorizationRequests.add(q);
    String code = "code-" + counter.incrementAndGet();
    codes.put(code, new String[] {q.get("code_challenge"), q.get("scope"), q.get("resource")});
    HttpUrl.Builder redirect = HttpUrl.get(q.get("redirect_uri")).newBuilder()
        .addQueryParameter("code", code);
    if (q.get("state") != null) {
      redirect.addQueryParameter("state", q.get("state"));
    }
    if (issInRedirect == Iss.CORRECT) {
      redirect.addQueryParameter("iss", issuer());
    } else if (issInRedirect == Iss.WRONG) {
      redirect.addQueryParameter("iss", "https://evil.example.com");
    }
    return new MockResponse.Builder().code(302).addHeader("Location", redirect.build()).build();
  }

  private MockResponse token(RecordedRequest request) throws Exception {
    Map<String, String> f = form(request);
    tokenRequests.add(f);
    String auth = request.getHeaders().get("Authorization");
    tokenAuthorizationHeaders.add(auth == null ? "" : auth);
    if (tokenDelayMillis > 0) {
      Thread.sleep(tokenDelayMillis);
    }
    if (tokenEndpointStatus != 200) {
      return new MockResponse.Builder().code(tokenEndpointStatus).body("<html>down</html>").build();
    }
    String scope;
    String resource = f.get("resource");
    switch (String.valueOf(f.get("grant_type"))) {
      case "authorization_code": {
        String[] issued = codes.remove(f.get("code"));
        if (issued == null) {
          return error("invalid_grant", "unknown or used code");
        }
        String verifier = f.get("code_verifier");
        String challenge = verifier == null ? null : Base64.getUrlEncoder().withoutPadding()
            .encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        if (challenge == null || !challenge.equals(issued[0])) {
          return error("invalid_grant", "PKCE verification failed");
        }
        scope = issued[1];
        break;
      }
      case "refresh_token": {
        refreshCount.incrementAndGet();
        if (!refreshTokensValid || !String.valueOf(f.get("refresh_token")).startsWith("rt-")) {
          return error("invalid_grant", "unknown refresh token");
        }
        scope = null;
        break;
      }
      case "client_credentials":
        scope = f.get("scope");
        break;
      default:
        return error("unsupported_grant_type", "no");
    }
    String access = "at-" + counter.incrementAndGet();
    List<String> scopes = scope == null ? List.of() : List.of(scope.split(" "));
    tokens.put(access, scopes);
    if (resource != null) {
      tokenResources.put(access, resource);
    }
    ObjectNode body = McpJson.object();
    body.put("access_token", access);
    body.put("token_type", "Bearer");
    body.put("expires_in", expiresIn);
    if (scope != null) {
      body.put("scope", scope);
    }
    if (issueRefreshTokens && !"client_credentials".equals(f.get("grant_type"))) {
      body.put("refresh_token", "rt-" + counter.incrementAndGet());
    }
    return json(200, body);
  }

  private MockResponse register(RecordedRequest request) throws Exception {
    ObjectNode body = (ObjectNode) McpJson.mapper().readTree(request.getBody().utf8());
    registrations.add(body);
    ObjectNode out = body.deepCopy();
    out.put("client_id", "dyn-client-" + server.getPort() + "-" + counter.incrementAndGet());
    String method = tokenEndpointAuthMethods.get(0);
    out.put("token_endpoint_auth_method", method);
    if (!method.equals("none")) {
      out.put("client_secret", "dyn-secret-" + counter.get());
    }
    return json(201, out);
  }

  private static MockResponse error(String code, String description) {
    ObjectNode e = McpJson.object();
    e.put("error", code);
    e.put("error_description", description);
    return json(400, e);
  }

  static MockResponse json(int code, Object body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(McpJson.write(body)).build();
  }

  public static Map<String, String> form(RecordedRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    if (request.getBody() == null) {
      return out;
    }
    for (String pair : request.getBody().utf8().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  public List<String> grantTypes() {
    List<String> out = new ArrayList<>();
    tokenRequests.forEach(r -> out.add(r.get("grant_type")));
    return out;
  }

  public static Set<String> scopesOf(Map<String, String> request) {
    String s = request.get("scope");
    return s == null ? Set.of() : Set.of(s.split(" "));
  }

  @Override
  public void close() {
    server.close();
  }
}
