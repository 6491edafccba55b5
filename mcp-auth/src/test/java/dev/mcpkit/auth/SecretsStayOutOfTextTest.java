package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.auth.internal.ClientRegistration;
import dev.mcpkit.auth.internal.PendingRecord;
import dev.mcpkit.auth.internal.TokenRecord;
import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.testing.FakeAuthorizationServer;
import dev.mcpkit.auth.testing.FakeMcpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Secrets never appear in toString(), exception messages or anything written to a log or console. */
class SecretsStayOutOfTextTest {
  @Test
  void credentialsRecordsAndKeysRenderWithoutTheirSecrets() {
    String text = String.join("\n",
        OAuthServerCredentials.builder("cid").clientSecret("S3CRET").build().toString(),
        new TokenRecord("ACCESS", "Bearer", "REFRESH", 1L, "a", "iss", "res",
            "authorization_code", "cid", "S3CRET", "none", "t", null, 0,
            "{\"kty\":\"EC\",\"d\":\"PRIVATEKEY\"}").toString(),
        new PendingRecord("USER", "alice", "s", "r", "i", true, "VERIFIER", "http://cb", "",
            "cid", "S3CRET", "none", "t", null, 0, true).toString(),
        new ClientRegistration("cid", "S3CRET", "client_secret_basic", "http://cb",
            "dynamic").toString(),
        new ApiKeyAuthenticator.IssuedApiKey("id", "mcpk_KEYVALUE").toString(),
        KeySource.of("k1", new byte[16]).toString(),
        OAuthServerCredentials.builder("cid").workloadIdentity(WorkloadIdentity.of("WORKLOADJWT"))
            .build().toString(),
        EnterpriseAuthorization.builder(java.net.URI.create("https://idp.example/token"), "cid")
            .clientSecret("S3CRET").assertions(owner -> "IDTOKEN").build().toString(),
        dev.mcpkit.auth.internal.DPoPKey.generate().toString());
    assertThat(text).doesNotContain("S3CRET", "ACCESS", "REFRESH", "VERIFIER", "KEYVALUE",
        "PRIVATEKEY", "WORKLOADJWT", "IDTOKEN", "\"d\"");
    assertThat(text).contains("cid");
  }

  @Test
  void theConnectLinkExceptionDoesNotPrintTheUrlWithItsState() {
    var link = new AuthorizationLink(TokenOwner.user("a"), URI.create("https://mcp.example"),
        URI.create("https://as.example/authorize?state=STATEVALUE"), java.util.Set.of(),
        java.time.Instant.now());
    assertThat(new AuthorizationRequiredException(link).getMessage()).doesNotContain("STATEVALUE");
  }

  @Test
  void noTokenCodeVerifierOrSecretReachesLogsOrExceptionMessagesThroughAFlowAndItsFailures()
      throws Exception {
    URI redirect = URI.create("http://127.0.0.1:9/callback");
    TokenOwner alice = TokenOwner.user("alice");
    List<String> text = new ArrayList<>();
    Set<String> secrets = new LinkedHashSet<>();

    Logger root = Logger.getLogger("");
    root.getHandlers(); // the console handler binds to the real System.err, not to the capture below
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler recorder = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (!String.valueOf(r.getLoggerName()).startsWith("mockwebserver")) {
          logged.add(r.getLoggerName() + " " + r.getMessage() + " "
              + java.util.Arrays.toString(r.getParameters()) + " " + r.getThrown());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level level = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(recorder);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try (FakeAuthorizationServer as = new FakeAuthorizationServer();
        FakeMcpServer mcp = new FakeMcpServer(as)) {
      as.tokenEndpointAuthMethods = List.of("client_secret_post"); // registration issues a secret
      URI server = URI.create(mcp.url());
      McpOAuth oauth = McpOAuth.builder()
          .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
          .redirectUri(redirect)
          .authorizationHandler(HeadlessAuthorization.catching(redirect))
          .build();
      assertThat(McpOAuthFlowTest.status(oauth, alice, server)).isEqualTo(200);
      text.add(String.valueOf(oauth.connection(alice, server)));
      text.add(oauth.interceptor(alice, server).toString());

      as.revokeAllTokens(); // the next call refreshes after a 401, at a failing token endpoint
      as.tokenEndpointStatus = 500;
      text.add(messageOf(() -> McpOAuthFlowTest.status(oauth, alice, server)));
      as.tokenEndpointStatus = 200;

      McpOAuth deferring = McpOAuth.builder()
          .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
          .redirectUri(redirect)
          .build();
      text.add(messageOf(() -> McpOAuthFlowTest.status(deferring, alice, server)));
      as.issInRedirect = FakeAuthorizationServer.Iss.WRONG;
      AuthorizationLink link = deferring.begin(alice, server);
      URI callback = HeadlessAuthorization.catching(redirect).follow(link.authorizationUrl());
      text.add(messageOf(() -> deferring.complete(alice, callback)));
      text.add(messageOf(() -> deferring.complete(TokenOwner.user("mallory"), callback)));
      text.add(link.toString());

      for (var request : as.tokenRequests) {
        for (String name : List.of("code", "code_verifier", "refresh_token", "client_secret")) {
          if (request.get(name) != null) {
            secrets.add(request.get(name));
          }
        }
      }
      for (String header : mcp.authorizationHeaders) {
        if (header.startsWith("Bearer ")) {
          secrets.add(header.substring(7));
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(recorder);
      root.setLevel(level);
    }
    text.add(console.toString(StandardCharsets.UTF_8));
    text.addAll(logged);

    assertThat(secrets).anyMatch(v -> v.startsWith("at-")).anyMatch(v -> v.startsWith("rt-"))
        .anyMatch(v -> v.startsWith("dyn-secret")).hasSizeGreaterThan(4);
    String all = String.join("\n", text);
    for (String secret : secrets) {
      assertThat(all).as("text mentioning a secret").doesNotContain(secret);
    }
  }

  interface Action {
    void run() throws Exception;
  }

  static String messageOf(Action action) {
    try {
      action.run();
    } catch (Exception e) {
      StringBuilder chain = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        chain.append(t).append('\n');
      }
      return chain.toString();
    }
    throw new AssertionError("expected a failure");
  }
}
