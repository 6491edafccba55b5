package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.auth.internal.ClientRegistration;
import dev.mcpkit.auth.internal.PendingRecord;
import dev.mcpkit.auth.internal.TokenRecord;
import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Secrets never appear in toString(). */
class SecretsStayOutOfTextTest {
  @Test
  void credentialsRecordsAndKeysRenderWithoutTheirSecrets() {
    String text = String.join("\n",
        OAuthServerCredentials.builder("cid").clientSecret("S3CRET").build().toString(),
        new TokenRecord("ACCESS", "Bearer", "REFRESH", 1L, "a", "iss", "res",
            "authorization_code", "cid", "S3CRET", "none", "t", null, 0).toString(),
        new PendingRecord("USER", "alice", "s", "r", "i", true, "VERIFIER", "http://cb", "",
            "cid", "S3CRET", "none", "t", null, 0).toString(),
        new ClientRegistration("cid", "S3CRET", "client_secret_basic", "http://cb",
            "dynamic").toString(),
        new ApiKeyAuthenticator.IssuedApiKey("id", "mcpk_KEYVALUE").toString(),
        KeySource.of("k1", new byte[16]).toString());
    assertThat(text).doesNotContain("S3CRET", "ACCESS", "REFRESH", "VERIFIER", "KEYVALUE");
    assertThat(text).contains("cid");
  }

  @Test
  void theConnectLinkExceptionDoesNotPrintTheUrlWithItsState() {
    var link = new AuthorizationLink(TokenOwner.user("a"), URI.create("https://mcp.example"),
        URI.create("https://as.example/authorize?state=STATEVALUE"), java.util.Set.of(),
        java.time.Instant.now());
    assertThat(new AuthorizationRequiredException(link).getMessage()).doesNotContain("STATEVALUE");
  }
}
