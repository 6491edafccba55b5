package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.core.json.McpJson;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order in which the client looks for metadata, observed on the wire: one loopback server plays the
 * MCP server and its authorization server, serves documents only at the paths a test gives it and
 * records every path the client asks for.
 */
class DiscoveryOrderTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  static final TokenOwner ALICE = TokenOwner.user("alice");

  final MockWebServer web = new MockWebServer();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final Map<String, ObjectNode> documents = new ConcurrentHashMap<>();
  volatile String challenge = "Bearer";

  @BeforeEach
  void start() throws Exception {
    web.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        paths.add(path);
        ObjectNode doc = documents.get(path);
        if (doc != null) {
          return new MockResponse.Builder().code(200)
              .addHeader("Content-Type", "application/json").body(McpJson.write(doc)).build();
        }
        if (path.equals("/mcp")) {
          return new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", challenge)
              .body("{}").build();
        }
        return new MockResponse.Builder().code(404).build();
      }
    });
    web.start(0);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  String base() {
    String url = web.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  URI server() {
    return URI.create(base() + "/mcp");
  }

  ObjectNode resourceMetadata(String issuer) {
    ObjectNode prm = McpJson.object();
    prm.put("resource", server().toString());
    prm.putArray("authorization_servers").add(issuer);
    return prm;
  }

  ObjectNode authorizationServerMetadata(String issuer) {
    ObjectNode m = McpJson.object();
    m.put("issuer", issuer);
    m.put("authorization_endpoint", issuer + "/authorize");
    m.put("token_endpoint", issuer + "/token");
    m.putArray("response_types_supported").add("code");
    m.putArray("code_challenge_methods_supported").add("S256");
    return m;
  }

  McpOAuth oauth() {
    return McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .redirectUri(REDIRECT)
        .preRegistered(server(), OAuthServerCredentials.builder("pre-client").build())
        .build();
  }

  @Test
  void resourceMetadataIsLookedForAtThePathThenAtTheRootAndIssuerMetadataInTheSpecificationsOrder()
      throws Exception {
    String issuer = base() + "/tenant1";
    documents.put("/.well-known/oauth-protected-resource", resourceMetadata(issuer));
    documents.put("/tenant1/.well-known/openid-configuration",
        authorizationServerMetadata(issuer));

    AuthorizationLink link = oauth().begin(ALICE, server());

    assertThat(paths).containsExactly(
        "/.well-known/oauth-protected-resource/mcp",
        "/.well-known/oauth-protected-resource",
        "/.well-known/oauth-authorization-server/tenant1",
        "/.well-known/openid-configuration/tenant1",
        "/tenant1/.well-known/openid-configuration");
    assertThat(link.authorizationUrl().toString()).startsWith(issuer + "/authorize?");
  }

  @Test
  void anIssuerWithoutAPathIsLookedUpWithRfc8414BeforeOpenIdConnectDiscovery() throws Exception {
    documents.put("/.well-known/oauth-protected-resource/mcp", resourceMetadata(base()));
    documents.put("/.well-known/openid-configuration", authorizationServerMetadata(base()));

    oauth().begin(ALICE, server());

    assertThat(paths).containsExactly(
        "/.well-known/oauth-protected-resource/mcp",
        "/.well-known/oauth-authorization-server",
        "/.well-known/openid-configuration");
  }

  @Test
  void theChallengesResourceMetadataAndScopeComeBeforeAnyWellKnownUrl() throws Exception {
    documents.put("/custom/resource-metadata", resourceMetadata(base()));
    documents.put("/.well-known/oauth-authorization-server", authorizationServerMetadata(base()));
    challenge = "Bearer resource_metadata=\"" + base() + "/custom/resource-metadata\","
        + " scope=\"files:read files:write\"";
    McpOAuth oauth = McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .redirectUri(REDIRECT)
        .preRegistered(server(), OAuthServerCredentials.builder("pre-client").build())
        .authorizationHandler(AuthorizationHandler.DEFER)
        .build();

    AuthorizationRequiredException required = null;
    try {
      McpOAuthFlowTest.call(oauth, ALICE, server()).close();
    } catch (AuthorizationRequiredException e) {
      required = e;
    }

    assertThat(required).isNotNull();
    assertThat(paths).containsExactly(
        "/mcp", "/custom/resource-metadata", "/.well-known/oauth-authorization-server");
    HttpUrl url = HttpUrl.get(required.authorizationUrl().toString());
    assertThat(Set.of(url.queryParameter("scope").split(" ")))
        .containsExactlyInAnyOrder("files:read", "files:write");
    assertThat(url.queryParameter("resource")).isEqualTo(server().toString());
  }

  @Test
  void whenNoMetadataDocumentAnswersEveryUrlTriedIsNamedInTheError() {
    documents.put("/.well-known/oauth-protected-resource/mcp", resourceMetadata(base() + "/as"));

    assertThatThrownBy(() -> oauth().begin(ALICE, server()))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("no authorization server metadata for " + base() + "/as")
        .hasMessageContaining("/.well-known/oauth-authorization-server/as (HTTP 404)")
        .hasMessageContaining("/.well-known/openid-configuration/as (HTTP 404)")
        .hasMessageContaining("/as/.well-known/openid-configuration (HTTP 404)");
  }
}
