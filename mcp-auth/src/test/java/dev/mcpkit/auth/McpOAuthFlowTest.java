package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.testing.FakeAuthorizationServer;
import dev.mcpkit.auth.testing.FakeMcpServer;
import dev.mcpkit.auth.testing.RecordingTokenStore;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorization code flow against a scriptable authorization server and MCP server on loopback. */
class McpOAuthFlowTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  static final TokenOwner ALICE = TokenOwner.user("alice");
  static final byte[] KEY = new byte[32];

  FakeAuthorizationServer as;
  FakeMcpServer mcp;
  RecordingTokenStore store;

  @BeforeEach
  void start() throws IOException {
    as = new FakeAuthorizationServer();
    mcp = new FakeMcpServer(as);
    store = new RecordingTokenStore();
  }

  @AfterEach
  void stop() {
    mcp.close();
    as.close();
  }

  McpOAuth.Builder oauth() {
    return McpOAuth.builder()
        .tokenStore(store)
        .cipher(SecretCipher.aesGcm(KeySource.of("k1", KEY)))
        .redirectUri(REDIRECT)
        .clientName("flow test")
        .authorizationHandler(HeadlessAuthorization.catching(REDIRECT));
  }

  URI server() {
    return URI.create(mcp.url());
  }

  static Response call(McpOAuth oauth, TokenOwner owner, URI server) throws IOException {
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(oauth.interceptor(owner, server)).build();
    Request request = new Request.Builder().url(server.toString())
        .post(RequestBody.create("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
            MediaType.get("application/json")))
        .build();
    return client.newCall(request).execute();
  }

  static dev.mcpkit.core.auth.HttpRequestView bearerView(String token) {
    return new dev.mcpkit.core.auth.HttpRequestView() {
      @Override
      public String method() {
        return "POST";
      }

      @Override
      public URI uri() {
        return URI.create("http://localhost/mcp");
      }

      @Override
      public String header(String name) {
        return name.equalsIgnoreCase("Authorization") ? "Bearer " + token : null;
      }
    };
  }

  static int status(McpOAuth oauth, TokenOwner owner, URI server) throws IOException {
    try (Response r = call(oauth, owner, server)) {
      return r.code();
    }
  }

  @Test
  void firstCallRegistersAuthorizesWithPkceAndResourceThenSucceeds() throws Exception {
    McpOAuth oauth = oauth().build();

    assertThat(status(oauth, ALICE, server())).isEqualTo(200);

    assertThat(as.registrations).hasSize(1);
    var registration = as.registrations.get(0);
    assertThat(registration.get("application_type").asText()).isEqualTo("native");
    assertThat(registration.get("redirect_uris").get(0).asText()).isEqualTo(REDIRECT.toString());
    assertThat(registration.get("client_name").asText()).isEqualTo("flow test");

    Map<String, String> authz = as.authorizationRequests.get(0);
    assertThat(authz.get("code_challenge_method")).isEqualTo("S256");
    assertThat(authz.get("code_challenge")).isNotBlank();
    assertThat(authz.get("resource")).isEqualTo(mcp.url());
    assertThat(authz.get("state")).hasSizeGreaterThan(20);
    assertThat(authz).doesNotContainKey("scope");

    Map<String, String> token = as.tokenRequests.get(0);
    assertThat(token.get("grant_type")).isEqualTo("authorization_code");
    assertThat(token.get("resource")).isEqualTo(mcp.url());
    assertThat(token.get("code_verifier")).isNotBlank();
    assertThat(token.get("client_id")).isEqualTo(authz.get("client_id")); // auth method "none"
    assertThat(as.tokenAuthorizationHeaders.get(0)).isEmpty();
    assertThat(mcp.authorizationHeaders).last().asString().startsWith("Bearer at-");
  }

  @Test
  void theStoreOnlyEverSeesCiphertext() throws Exception {
    as.tokenEndpointAuthMethods = List.of("client_secret_post");
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);

    String access = mcp.authorizationHeaders.get(mcp.authorizationHeaders.size() - 1).substring(7);
    assertThat(store.written).isNotEmpty();
    assertThat(store.sawPlaintext(access)).isFalse();
    assertThat(store.sawPlaintext("rt-")).isFalse();
    assertThat(store.sawPlaintext("dyn-secret")).isFalse();
  }

  @Test
  void aSecondCallReusesTheStoredTokenWithoutTheAuthorizationServer() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    int tokenRequests = as.tokenRequests.size();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.tokenRequests).hasSize(tokenRequests);
    assertThat(as.registrations).hasSize(1);
  }

  @Test
  void aTokenAboutToExpireIsRefreshedBeforeUse() throws Exception {
    var clock = new MutableClock();
    McpOAuth oauth = oauth().clock(clock).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.refreshCount.get()).isZero();
    clock.advance(java.time.Duration.ofSeconds(3600 - 30)); // inside the 60 s refresh window
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.refreshCount.get()).isEqualTo(1);
    assertThat(as.tokenRequests.get(1).get("resource")).isEqualTo(mcp.url());
  }

  @Test
  void concurrent401sForOneCredentialShareASingleRefresh() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    as.revokeAllTokens(); // every request now gets 401 until a new token exists
    as.tokenDelayMillis = 100;

    int threads = 8;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return status(oauth, ALICE, server());
        }));
      }
      start.countDown();
      for (var r : results) {
        assertThat(r.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(as.refreshCount.get()).isEqualTo(1);
    assertThat(as.authorizationRequests).hasSize(1);
  }

  @Test
  void concurrentCallersOfATokenAboutToExpireShareASingleRefresh() throws Exception {
    var clock = new MutableClock();
    McpOAuth oauth = oauth().clock(clock).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    String old = oauth.accessToken(ALICE, server());
    clock.advance(java.time.Duration.ofSeconds(3600 - 30)); // inside the 60 s refresh window
    as.tokenDelayMillis = 100;

    int threads = 8;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          seen.add(oauth.accessToken(ALICE, server()));
          return null;
        }));
      }
      start.countDown();
      for (var r : results) {
        r.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(as.refreshCount.get()).isEqualTo(1);
    assertThat(java.util.Set.copyOf(seen)).hasSize(1).doesNotContain(old);
  }

  @Test
  void aRefreshTokenTheServerNoLongerAcceptsIsDeletedAndTheUserAskedAgain() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    as.revokeAllTokens();
    as.refreshTokensValid = false;

    assertThat(status(oauth, ALICE, server())).isEqualTo(200);

    assertThat(as.refreshCount.get()).isEqualTo(1);
    assertThat(as.authorizationRequests).hasSize(2);
    assertThat(as.grantTypes()).containsExactly(
        "authorization_code", "refresh_token", "authorization_code");
    assertThat(store.keys(ALICE)).hasSize(1);
  }

  @Test
  void thePendingAuthorizationStoreSeesNeitherTheStateNorTheCodeVerifier() throws Exception {
    List<byte[]> sealed = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> handles = new java.util.concurrent.CopyOnWriteArrayList<>();
    var delegate = new dev.mcpkit.auth.spi.InMemoryPendingAuthorizationStore();
    McpOAuth oauth = oauth().authorizationHandler(AuthorizationHandler.DEFER)
        .pendingStore(new dev.mcpkit.auth.spi.PendingAuthorizationStore() {
          @Override
          public void put(String handle, byte[] ciphertext, java.time.Instant expiresAt)
              throws IOException {
            handles.add(handle);
            sealed.add(ciphertext.clone());
            delegate.put(handle, ciphertext, expiresAt);
          }

          @Override
          public byte[] take(String handle) throws IOException {
            return delegate.take(handle);
          }
        }).build();
    AuthorizationLink link = oauth.begin(ALICE, server());
    oauth.complete(ALICE, HeadlessAuthorization.catching(REDIRECT).follow(link.authorizationUrl()));

    String state = as.authorizationRequests.get(0).get("state");
    String verifier = as.tokenRequests.get(0).get("code_verifier");
    assertThat(handles).hasSize(1).doesNotContain(state);
    String stored = new String(sealed.get(0), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(stored).doesNotContain(verifier).doesNotContain(state).doesNotContain("alice");
  }

  @Test
  void insufficientScopeStepsUpWithChallengedAndGrantedScopes() throws Exception {
    mcp.challengeScope = "mcp:read";
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.authorizationRequests.get(0).get("scope")).isEqualTo("mcp:read");

    mcp.requiredScopes = Set.of("mcp:read", "mcp:write");
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.authorizationRequests).hasSize(2);
    assertThat(FakeAuthorizationServer.scopesOf(as.authorizationRequests.get(1)))
        .contains("mcp:read", "mcp:write");
  }

  @Test
  void stepUpIsBoundedWhenTheServerKeepsSayingInsufficientScope() throws Exception {
    mcp.challengeScope = "mcp:admin";
    mcp.alwaysInsufficientScope = true;
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(403);
    assertThat(as.authorizationRequests).hasSize(3); // the first authorization + 2 step-ups
  }

  @Test
  void stepUpAddsTheChallengedScopesToAPreRegisteredScope() throws Exception {
    as.registration = false;
    McpOAuth oauth = oauth().preRegistered(server(),
        OAuthServerCredentials.builder("pre-client").scope("files:read").build()).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.authorizationRequests.get(0).get("scope")).isEqualTo("files:read");

    mcp.requiredScopes = Set.of("files:read", "files:write");
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.authorizationRequests).hasSize(2);
    assertThat(FakeAuthorizationServer.scopesOf(as.authorizationRequests.get(1)))
        .containsExactlyInAnyOrder("files:read", "files:write");
    assertThat(oauth.connection(ALICE, server()).scopes()).contains("files:write");
  }

  @Test
  void scopesComeFromTheChallengeElseFromResourceMetadata() throws Exception {
    mcp.scopesSupported = List.of("mcp:basic", "mcp:read");
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.authorizationRequests.get(0).get("scope")).isEqualTo("mcp:basic mcp:read");
  }

  @Test
  void offlineAccessIsRequestedOnlyWhenTheAuthorizationServerListsIt() throws Exception {
    as.scopesSupported = List.of("mcp:basic");
    mcp.scopesSupported = List.of("mcp:basic");
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.authorizationRequests.get(0).get("scope")).isEqualTo("mcp:basic");
    assertThat(as.registrations.get(0).get("grant_types").toString())
        .doesNotContain("refresh_token");

    as.scopesSupported = List.of("mcp:basic", "offline_access");
    TokenOwner bob = TokenOwner.user("bob");
    URI otherRedirect = URI.create("http://127.0.0.1:9/other");
    McpOAuth other = oauth().redirectUri(otherRedirect)
        .authorizationHandler(HeadlessAuthorization.catching(otherRedirect)).build();
    assertThat(status(other, bob, server())).isEqualTo(200);
    assertThat(as.authorizationRequests.get(1).get("scope")).isEqualTo("mcp:basic offline_access");
    assertThat(as.registrations.get(1).get("grant_types").toString()).contains("refresh_token");
  }

  @Test
  void aResourceMetadataNamingAnotherResourceIsRefusedBeforeAuthorization() {
    mcp.prmResourceOverride = "https://evil.example.com/mcp";
    McpOAuth oauth = oauth().build();
    assertThatThrownBy(() -> call(oauth, ALICE, server()))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("https://evil.example.com/mcp")
        .hasMessageContaining("does not match");
    assertThat(as.authorizationRequests).isEmpty();
    assertThat(as.registrations).isEmpty();
  }

  @Test
  void metadataWhoseIssuerDiffersIsRefusedAndItsEndpointsNeverUsed() {
    as.metadataIssuerOverride = "https://attacker.example.com";
    McpOAuth oauth = oauth().build();
    assertThatThrownBy(() -> call(oauth, ALICE, server()))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("https://attacker.example.com");
    assertThat(as.registrations).isEmpty();
    assertThat(as.authorizationRequests).isEmpty();
    assertThat(as.tokenRequests).isEmpty();
  }

  @Test
  void anAuthorizationServerWithoutPkceS256IsRefused() {
    as.codeChallengeMethods = null;
    McpOAuth oauth = oauth().build();
    assertThatThrownBy(() -> call(oauth, ALICE, server()))
        .hasMessageContaining("S256");
    as.codeChallengeMethods = List.of("plain");
    assertThatThrownBy(() -> oauth().build().begin(ALICE, server()))
        .hasMessageContaining("S256");
    assertThat(as.authorizationRequests).isEmpty();
  }

  @Test
  void aWrongIssInTheCallbackIsRefusedBeforeTheCodeIsRedeemed() {
    as.issInRedirect = FakeAuthorizationServer.Iss.WRONG;
    assertThatThrownBy(() -> call(oauth().build(), ALICE, server()))
        .hasMessageContaining("https://evil.example.com")
        .hasMessageContaining("RFC 9207");
    assertThat(as.tokenRequests).isEmpty();
  }

  @Test
  void aWrongIssIsRefusedEvenWhenTheServerDoesNotAdvertiseIss() {
    as.issParameterSupported = null;
    as.issInRedirect = FakeAuthorizationServer.Iss.WRONG;
    assertThatThrownBy(() -> call(oauth().build(), ALICE, server()))
        .hasMessageContaining("RFC 9207");
    assertThat(as.tokenRequests).isEmpty();
  }

  @Test
  void aMissingIssIsRefusedOnlyWhenTheServerAdvertisesIt() throws Exception {
    as.issInRedirect = FakeAuthorizationServer.Iss.OMIT;
    assertThatThrownBy(() -> call(oauth().build(), ALICE, server()))
        .hasMessageContaining("lacks it");
    assertThat(as.tokenRequests).isEmpty();

    as.issParameterSupported = null;
    assertThat(status(oauth().build(), ALICE, server())).isEqualTo(200);
  }

  @Test
  void anIssWithATrailingSlashIsNotNormalizedIntoAMatch() throws Exception {
    McpOAuth oauth = oauth().authorizationHandler(AuthorizationHandler.DEFER).build();
    AuthorizationLink link = oauth.begin(ALICE, server());
    URI callback = HeadlessAuthorization.catching(REDIRECT).follow(link.authorizationUrl());
    URI tampered = URI.create(callback.toString().replace("iss=", "iss=x")
        .replace("iss=x" + java.net.URLEncoder.encode(as.issuer(), "UTF-8"),
            "iss=" + java.net.URLEncoder.encode(as.issuer() + "/", "UTF-8")));
    assertThatThrownBy(() -> oauth.complete(ALICE, tampered)).hasMessageContaining("RFC 9207");
    assertThat(as.tokenRequests).isEmpty();
  }

  @Test
  void aForgedStateAnotherUsersStateAndAReplayedCallbackAreRefused() throws Exception {
    McpOAuth oauth = oauth().authorizationHandler(AuthorizationHandler.DEFER).build();
    assertThatThrownBy(() -> oauth.complete(ALICE,
            URI.create(REDIRECT + "?code=c&state=forged&iss=" + as.issuer())))
        .hasMessageContaining("matches no pending authorization");

    AuthorizationLink link = oauth.begin(ALICE, server());
    URI callback = HeadlessAuthorization.catching(REDIRECT).follow(link.authorizationUrl());
    assertThatThrownBy(() -> oauth.complete(TokenOwner.user("mallory"), callback))
        .hasMessageContaining("another owner");
    assertThatThrownBy(() -> oauth.complete(ALICE, callback))
        .hasMessageContaining("matches no pending authorization");
    assertThat(as.tokenRequests).isEmpty();
  }

  @Test
  void aCallbackAfterThePendingAuthorizationExpiredIsRefused() throws Exception {
    var clock = new MutableClock();
    McpOAuth oauth = oauth().clock(clock).authorizationHandler(AuthorizationHandler.DEFER)
        .pendingAuthorizationTtl(java.time.Duration.ofMinutes(5)).build();
    AuthorizationLink link = oauth.begin(ALICE, server());
    URI callback = HeadlessAuthorization.catching(REDIRECT).follow(link.authorizationUrl());
    clock.advance(java.time.Duration.ofMinutes(6));
    assertThatThrownBy(() -> oauth.complete(ALICE, callback))
        .hasMessageContaining("matches no pending authorization");
    assertThat(as.tokenRequests).isEmpty();
  }

  @Test
  void aDeferringHostGetsTheConnectLinkAndCompletesLater() throws Exception {
    McpOAuth oauth = oauth().authorizationHandler(AuthorizationHandler.DEFER).build();
    AuthorizationRequiredException required = null;
    try {
      call(oauth, ALICE, server()).close();
    } catch (AuthorizationRequiredException e) {
      required = e;
    }
    assertThat(required).isNotNull();
    assertThat(required.authorizationUrl().toString()).startsWith(as.issuer() + "/authorize?");
    assertThat(required.getMessage()).doesNotContain("code_challenge");

    URI callback = HeadlessAuthorization.catching(REDIRECT).follow(required.authorizationUrl());
    AuthorizedConnection connected = oauth.complete(ALICE, callback);
    assertThat(connected.issuer()).isEqualTo(as.issuer());
    assertThat(connected.refreshable()).isTrue();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(oauth.connection(TokenOwner.user("bob"), server())).isNull();
  }

  @Test
  void aFailingTokenEndpointGivesAClearErrorAndLosesNothing() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    as.tokenEndpointStatus = 500;
    as.revokeAllTokens();
    assertThatThrownBy(() -> call(oauth, ALICE, server()))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageNotContaining("rt-");
    assertThat(oauth.connection(ALICE, server())).isNotNull();

    as.tokenEndpointStatus = 200;
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
  }

  @Test
  void aTokenStillValidIsUsedWhenItsEarlyRefreshFailsAndRefreshedOnceTheEndpointRecovers()
      throws Exception {
    var clock = new MutableClock();
    McpOAuth oauth = oauth().clock(clock).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    String before = oauth.accessToken(ALICE, server());
    clock.advance(java.time.Duration.ofSeconds(3600 - 30)); // inside the refresh window, not expired
    as.tokenEndpointStatus = 503;

    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(mcp.authorizationHeaders).last().isEqualTo("Bearer " + before);

    as.tokenEndpointStatus = 200;
    assertThat(oauth.accessToken(ALICE, server())).isNotEqualTo(before);
    assertThat(as.grantTypes()).containsExactly(
        "authorization_code", "refresh_token", "refresh_token");
  }

  @Test
  void aCorruptedCiphertextGivesAClearErrorAndIsLeftInPlace() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    var key = store.keys(ALICE).get(0);
    byte[] value = store.get(key);
    value[value.length - 3] ^= 0x40;
    store.delegate.put(key, value);

    assertThatThrownBy(() -> oauth.accessToken(ALICE, server()))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("could not be decrypted")
        .hasMessageContaining("left in place");
    assertThat(store.get(key)).isEqualTo(value);
  }

  @Test
  void aCorruptedPendingAuthorizationIsRefusedClearlyAndNoCodeIsRedeemed() throws Exception {
    var delegate = new dev.mcpkit.auth.spi.InMemoryPendingAuthorizationStore();
    McpOAuth oauth = oauth().authorizationHandler(AuthorizationHandler.DEFER)
        .pendingStore(new dev.mcpkit.auth.spi.PendingAuthorizationStore() {
          @Override
          public void put(String handle, byte[] ciphertext, java.time.Instant expiresAt)
              throws IOException {
            byte[] corrupted = ciphertext.clone();
            corrupted[corrupted.length - 5] ^= 0x01;
            delegate.put(handle, corrupted, expiresAt);
          }

          @Override
          public byte[] take(String handle) throws IOException {
            return delegate.take(handle);
          }
        }).build();
    AuthorizationLink link = oauth.begin(ALICE, server());
    URI callback = HeadlessAuthorization.catching(REDIRECT).follow(link.authorizationUrl());

    assertThatThrownBy(() -> oauth.complete(ALICE, callback))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("could not be read")
        .hasMessageContaining("start the authorization again");
    assertThat(as.tokenRequests).isEmpty();
    assertThat(oauth.connection(ALICE, server())).isNull();
  }

  @Test
  void aHostsCredentialsLookupSuppliesPreRegisteredCredentialsPerServer() throws Exception {
    as.registration = false;
    List<URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    McpOAuth oauth = oauth().credentialsLookup(server -> {
      asked.add(server);
      return OAuthServerCredentials.builder("admin-entered").scope("files:read").build();
    }).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(asked).contains(server());
    assertThat(as.authorizationRequests.get(0).get("client_id")).isEqualTo("admin-entered");
    assertThat(as.authorizationRequests.get(0).get("scope")).isEqualTo("files:read");
  }

  @Test
  void tokensSurviveKeyRotationAndAreReEncryptedUnderTheNewKey() throws Exception {
    McpOAuth first = oauth().build();
    assertThat(status(first, ALICE, server())).isEqualTo(200);
    byte[] k2 = new byte[32];
    k2[0] = 1;
    McpOAuth rotated = oauth()
        .cipher(SecretCipher.aesGcm(KeySource.of("k2", Map.of("k1", KEY, "k2", k2))))
        .build();
    int tokenRequests = as.tokenRequests.size();
    assertThat(status(rotated, ALICE, server())).isEqualTo(200);
    assertThat(as.tokenRequests).hasSize(tokenRequests);
    byte[] now = store.get(store.keys(ALICE).get(0));
    assertThat(new String(now, 2, 2, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("k2");
  }

  @Test
  void disconnectRevokesAtTheAuthorizationServerAndForgetsTheTokens() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(oauth.disconnect(ALICE, server())).isTrue();
    assertThat(as.revoked).anyMatch(t -> t.startsWith("rt-"));
    assertThat(as.revoked).anyMatch(t -> t.startsWith("at-"));
    assertThat(oauth.connection(ALICE, server())).isNull();
    assertThat(store.keys(ALICE)).isEmpty();
  }

  @Test
  void disconnectForgetsTheTokensEvenWhenRevocationFails() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    as.revocationStatus = 503;
    assertThat(oauth.disconnect(ALICE, server())).isFalse();
    assertThat(oauth.connection(ALICE, server())).isNull();
    assertThat(store.keys(ALICE)).isEmpty();
  }

  @Test
  void aClientIdMetadataDocumentIsUsedWhenTheServerSupportsIt() throws Exception {
    as.clientIdMetadataDocumentSupported = true;
    URI cimd = URI.create("https://app.example.com/oauth/client.json");
    McpOAuth oauth = oauth().clientMetadataDocument(cimd).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.registrations).isEmpty();
    assertThat(as.authorizationRequests.get(0).get("client_id")).isEqualTo(cimd.toString());
    assertThat(as.tokenRequests.get(0).get("client_id")).isEqualTo(cimd.toString());
  }

  @Test
  void preRegisteredCredentialsComeFirstAndUseTheAdvertisedAuthMethod() throws Exception {
    as.tokenEndpointAuthMethods = List.of("client_secret_basic");
    as.registration = false;
    McpOAuth oauth = oauth().preRegistered(server(),
        OAuthServerCredentials.builder("pre-client").clientSecret("pre-secret")
            .scope("files:read").build()).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.authorizationRequests.get(0).get("client_id")).isEqualTo("pre-client");
    assertThat(as.authorizationRequests.get(0).get("scope")).isEqualTo("files:read");
    String basic = java.util.Base64.getEncoder().encodeToString("pre-client:pre-secret".getBytes());
    assertThat(as.tokenAuthorizationHeaders.get(0)).isEqualTo("Basic " + basic);
    assertThat(as.tokenRequests.get(0)).doesNotContainKey("client_secret");
  }

  @Test
  void clientSecretPostSendsTheSecretInTheBody() throws Exception {
    as.tokenEndpointAuthMethods = List.of("client_secret_post");
    McpOAuth oauth = oauth().preRegistered(server(),
        OAuthServerCredentials.builder("pre-client").clientSecret("pre-secret").build()).build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    assertThat(as.tokenRequests.get(0).get("client_secret")).isEqualTo("pre-secret");
    assertThat(as.tokenAuthorizationHeaders.get(0)).isEmpty();
  }

  @Test
  void credentialsBoundToAnotherIssuerAreRefused() {
    McpOAuth oauth = oauth().preRegistered(server(),
        OAuthServerCredentials.builder("pre").issuer("https://old-as.example").build()).build();
    assertThatThrownBy(() -> call(oauth, ALICE, server()))
        .hasMessageContaining("https://old-as.example")
        .hasMessageContaining(as.issuer());
  }

  @Test
  void whenTheServerMovesToAnotherAuthorizationServerTheClientRegistersThereAfresh()
      throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    String firstClient = as.authorizationRequests.get(0).get("client_id");
    try (FakeAuthorizationServer as2 = new FakeAuthorizationServer()) {
      mcp.as = as2;
      assertThat(status(oauth, ALICE, server())).isEqualTo(200);
      assertThat(as2.registrations).hasSize(1);
      assertThat(as2.authorizationRequests.get(0).get("client_id")).isNotEqualTo(firstClient);
      assertThat(as2.tokenRequests).noneMatch(r -> firstClient.equals(r.get("client_id")));
      assertThat(oauth.connection(ALICE, server()).issuer()).isEqualTo(as2.issuer());
      assertThat(store.keys(ALICE)).hasSize(1);
    }
  }

  @Test
  void requestsToOtherHostsNeverCarryTheToken() throws Exception {
    McpOAuth oauth = oauth().build();
    assertThat(status(oauth, ALICE, server())).isEqualTo(200);
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(oauth.interceptor(ALICE, server())).build();
    try (Response r = client.newCall(new Request.Builder()
        .url(as.issuer() + "/.well-known/oauth-authorization-server").build()).execute()) {
      assertThat(r.request().header("Authorization")).isNull();
    }
  }
}
