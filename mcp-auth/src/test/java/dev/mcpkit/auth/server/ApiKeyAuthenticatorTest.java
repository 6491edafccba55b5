package dev.mcpkit.auth.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.auth.spi.InMemoryApiKeyStore;
import dev.mcpkit.core.auth.AuthResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
  InMemoryApiKeyStore store = new InMemoryApiKeyStore();
  ApiKeyAuthenticator verifier = ApiKeyAuthenticator.builder().store(store)
      .requiredScopes(Set.of("tools")).build();

  @Test
  void anIssuedKeyAuthenticatesAsItsPrincipalAndOnlyItsHashIsStored() throws Exception {
    var issued = verifier.issue("ci-bot", Set.of("tools", "read"));
    AuthResult result = verifier.authenticate(Requests.with("X-API-Key", issued.key()));
    var principal = ((AuthResult.Authenticated) result).principal();
    assertThat(principal.subject()).isEqualTo("ci-bot");
    assertThat(principal.scopes()).containsExactlyInAnyOrder("tools", "read");
    assertThat(principal.claims()).containsEntry("key_id", issued.id());
    assertThat(store.list().get(0).toString()).doesNotContain(issued.key());
    assertThat(store.list().get(0).sha256Hex()).doesNotContain(issued.key());
    assertThat(issued.toString()).doesNotContain(issued.key());
  }

  @Test
  void anUnknownOrMissingKeyGets401() {
    assertThat(((AuthResult.Denied) verifier.authenticate(Requests.with("X-API-Key", "nope")))
        .status()).isEqualTo(401);
    assertThat(((AuthResult.Denied) verifier.authenticate(Requests.with(null, null)))
        .message()).contains("X-API-Key");
  }

  @Test
  void aRevokedKeyIsRefusedOnTheNextRequest() throws Exception {
    var issued = verifier.issue("ci-bot", Set.of("tools"));
    assertThat(verifier.revoke(issued.id())).isTrue();
    assertThat(verifier.authenticate(Requests.with("X-API-Key", issued.key())))
        .isInstanceOf(AuthResult.Denied.class);
  }

  @Test
  void aKeyWithoutTheRequiredScopeGets403() throws Exception {
    var issued = verifier.issue("reader", Set.of("read"));
    assertThat(((AuthResult.Denied) verifier.authenticate(
        Requests.with("X-API-Key", issued.key()))).status()).isEqualTo(403);
  }

  @Test
  void keysCanTravelAsBearerTokensInTheAuthorizationHeader() throws Exception {
    ApiKeyAuthenticator bearer = ApiKeyAuthenticator.builder().header("Authorization").build();
    bearer.register("k1", "0123456789abcdef0123456789abcdef-x", "svc", Set.of());
    assertThat(bearer.authenticate(
        Requests.with("Authorization", "Bearer 0123456789abcdef0123456789abcdef-x")))
        .isInstanceOf(AuthResult.Authenticated.class);
    AuthResult.Denied d = (AuthResult.Denied) bearer.authenticate(
        Requests.with("Authorization", "Bearer wrong"));
    assertThat(d.wwwAuthenticate()).contains("invalid_token");
  }

  @Test
  void bearerKeysGetRfc6750ChallengesNamingTheMissingScope() throws Exception {
    ApiKeyAuthenticator bearer = ApiKeyAuthenticator.builder().header("Authorization")
        .requiredScopes(Set.of("tools")).build();
    bearer.register("k1", "0123456789abcdef0123456789abcdef-x", "svc", Set.of("read"));

    AuthResult.Denied missing = (AuthResult.Denied) bearer.authenticate(Requests.with(null, null));
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.wwwAuthenticate()).startsWith("Bearer").doesNotContain("error=");

    AuthResult.Denied lacking = (AuthResult.Denied) bearer.authenticate(
        Requests.with("Authorization", "Bearer 0123456789abcdef0123456789abcdef-x"));
    assertThat(lacking.status()).isEqualTo(403);
    assertThat(lacking.wwwAuthenticate())
        .contains("error=\"insufficient_scope\"").contains("scope=\"tools\"");
  }
}
