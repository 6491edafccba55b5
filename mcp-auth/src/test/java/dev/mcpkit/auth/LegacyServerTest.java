package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.testing.FakeAuthorizationServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Servers of the 2025-03-26 revision: no protected resource metadata, OAuth at the server's origin. */
class LegacyServerTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  FakeAuthorizationServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeAuthorizationServer();
    server.legacyMcpServer = true;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  McpOAuth.Builder oauth() {
    return McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .redirectUri(REDIRECT)
        .authorizationHandler(HeadlessAuthorization.catching(REDIRECT));
  }

  @Test
  void metadataAtTheServersOriginIsUsedWhenThereIsNoResourceMetadata() throws Exception {
    URI mcp = URI.create(server.issuer() + "/mcp");
    assertThat(McpOAuthFlowTest.status(oauth().build(), TokenOwner.user("a"), mcp)).isEqualTo(200);
    assertThat(server.registrations).hasSize(1);
    assertThat(server.tokenRequests.get(0).get("resource")).isEqualTo(mcp.toString());
  }

  @Test
  void withoutAnyMetadataTheDefaultEndpointsAtTheOriginAreUsed() throws Exception {
    server.serveMetadata = false;
    URI mcp = URI.create(server.issuer() + "/mcp");
    assertThat(McpOAuthFlowTest.status(oauth().build(), TokenOwner.user("a"), mcp)).isEqualTo(200);
    assertThat(server.registrations).hasSize(1);
    assertThat(server.authorizationRequests.get(0).get("code_challenge_method")).isEqualTo("S256");
  }

  @Test
  void legacyDiscoveryCanBeTurnedOff() {
    URI mcp = URI.create(server.issuer() + "/mcp");
    McpOAuth strict = oauth().legacyDiscovery(false).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> McpOAuthFlowTest.status(strict, TokenOwner.user("a"), mcp))
        .hasMessageContaining("no protected resource metadata");
  }
}
