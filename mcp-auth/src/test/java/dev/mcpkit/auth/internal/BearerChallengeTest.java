package dev.mcpkit.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerChallengeTest {
  @Test
  void resourceMetadataScopeAndErrorAreRead() {
    BearerChallenge c = BearerChallenge.parse(List.of("Bearer error=\"insufficient_scope\", "
        + "scope=\"files:read files:write\", resource_metadata=\"https://mcp.example/.well-known/"
        + "oauth-protected-resource\", error_description=\"needs write\""));
    assertThat(c.insufficientScope()).isTrue();
    assertThat(c.scope().toStringList()).containsExactly("files:read", "files:write");
    assertThat(c.resourceMetadata())
        .isEqualTo(URI.create("https://mcp.example/.well-known/oauth-protected-resource"));
  }

  @Test
  void theBearerChallengeIsFoundAmongOthers() {
    BearerChallenge c = BearerChallenge.parse(List.of(
        "Basic realm=\"x, y\", Bearer resource_metadata=\"https://m/.well-known/p\""));
    assertThat(c.resourceMetadata()).isEqualTo(URI.create("https://m/.well-known/p"));
    assertThat(BearerChallenge.parse(List.of("Basic realm=\"x\""))).isEqualTo(BearerChallenge.NONE);
    assertThat(BearerChallenge.parse(List.of("Bearer")).resourceMetadata()).isNull();
  }

  @Test
  void discoveryUrlsFollowTheSpecificationsOrder() {
    assertThat(Discovery.resourceMetadataUrls(URI.create("https://m.example/public/mcp"),
        BearerChallenge.NONE)).containsExactly(
            URI.create("https://m.example/.well-known/oauth-protected-resource/public/mcp"),
            URI.create("https://m.example/.well-known/oauth-protected-resource"));
    assertThat(Discovery.metadataUrls(URI.create("https://as.example/tenant1"))).containsExactly(
        URI.create("https://as.example/.well-known/oauth-authorization-server/tenant1"),
        URI.create("https://as.example/.well-known/openid-configuration/tenant1"),
        URI.create("https://as.example/tenant1/.well-known/openid-configuration"));
    assertThat(Discovery.metadataUrls(URI.create("https://as.example"))).containsExactly(
        URI.create("https://as.example/.well-known/oauth-authorization-server"),
        URI.create("https://as.example/.well-known/openid-configuration"));
  }

  @Test
  void resourceMetadataMustCoverTheServer() {
    URI server = URI.create("https://m.example/mcp");
    assertThat(Uris.resourceCovers(URI.create("https://m.example/mcp"), server)).isTrue();
    assertThat(Uris.resourceCovers(URI.create("https://M.example:443"), server)).isTrue();
    assertThat(Uris.resourceCovers(URI.create("https://m.example/mc"), server)).isFalse();
    assertThat(Uris.resourceCovers(URI.create("https://evil.example/mcp"), server)).isFalse();
  }
}
