package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.testing.RecordingTokenStore;
import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class ApiKeyAuthTest {
  final RecordingTokenStore store = new RecordingTokenStore();
  final ApiKeyAuth keys =
      new ApiKeyAuth(store, SecretCipher.aesGcm(KeySource.of("k", new byte[32])));
  final TokenOwner alice = TokenOwner.user("alice");

  String sendAndCapture(String headerName, ApiKeyAuth.Header header) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).build());
      server.start(0);
      URI mcp = server.url("/mcp").uri();
      keys.save(alice, mcp, "sk-live-0123456789", header);
      OkHttpClient client = new OkHttpClient.Builder()
          .addInterceptor(keys.interceptor(alice, mcp)).build();
      client.newCall(new Request.Builder().url(mcp.toString()).build()).execute().close();
      return server.takeRequest().getHeaders().get(headerName);
    }
  }

  @Test
  void aKeyGoesInTheConfiguredHeaderAndIsStoredOnlyEncrypted() throws Exception {
    assertThat(sendAndCapture("X-API-Key", ApiKeyAuth.Header.xApiKey()))
        .isEqualTo("sk-live-0123456789");
    assertThat(store.sawPlaintext("sk-live-0123456789")).isFalse();
  }

  @Test
  void aKeyCanBeABearerTokenOrAnyNamedHeader() throws Exception {
    assertThat(sendAndCapture("Authorization", ApiKeyAuth.Header.bearer()))
        .isEqualTo("Bearer sk-live-0123456789");
    assertThat(sendAndCapture("Api-Token", ApiKeyAuth.Header.named("Api-Token")))
        .isEqualTo("sk-live-0123456789");
  }

  @Test
  void aRemovedKeyIsNoLongerSent() throws Exception {
    URI mcp = URI.create("http://127.0.0.1:9/mcp");
    keys.save(alice, mcp, "sk-1", ApiKeyAuth.Header.xApiKey());
    assertThat(keys.remove(alice, mcp)).isTrue();
    assertThat(keys.has(alice, mcp)).isFalse();
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(keys.interceptor(alice, mcp)).build();
    assertThatThrownBy(() -> client.newCall(new Request.Builder().url(mcp.toString()).build())
        .execute()).isInstanceOf(McpAuthException.class).hasMessageContaining("no API key");
  }

  @Test
  void aKeyIsNeverSentToAnotherOrigin() throws Exception {
    try (MockWebServer mcpServer = new MockWebServer(); MockWebServer other = new MockWebServer()) {
      other.enqueue(new MockResponse.Builder().code(200).build());
      mcpServer.start(0);
      other.start(0);
      URI mcp = mcpServer.url("/mcp").uri();
      keys.save(alice, mcp, "sk-live-0123456789", ApiKeyAuth.Header.xApiKey());
      OkHttpClient client = new OkHttpClient.Builder()
          .addInterceptor(keys.interceptor(alice, mcp)).build();
      client.newCall(new Request.Builder().url(other.url("/mcp")).build()).execute().close();
      assertThat(other.takeRequest().getHeaders().get("X-API-Key")).isNull();
    }
  }
}
