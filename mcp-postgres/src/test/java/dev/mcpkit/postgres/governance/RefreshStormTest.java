package dev.mcpkit.postgres.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.OAuthServerCredentials;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.auth.spi.TokenStore;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two OAuth clients (two instances of a host) sharing one PostgreSQL token store renew an expired
 * service-account token once between them, against a real authorization server
 * (mock-oauth2-server) and a real MCP server that verifies its JWTs.
 */
class RefreshStormTest {
  final MockOAuth2Server as = new MockOAuth2Server();
  final TokenOwner owner = TokenOwner.shared("nightly-report");
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  ToolServer crm;

  @BeforeEach
  void start() {
    as.start();
  }

  @AfterEach
  void stop() {
    if (crm != null) {
      crm.close();
    }
    as.shutdown();
  }

  McpOAuth instance(TokenStore shared, URI server) {
    return McpOAuth.builder().tokenStore(shared).cipher(MultiInstanceGovernanceTest.CIPHER)
        .clock(clock).preRegistered(server, OAuthServerCredentials.builder("svc")
            .clientSecret("svc-secret").clientCredentialsGrant().build())
        .build();
  }

  @Test
  void aRefreshStormAcrossTwoInstancesMakesOneTokenRequest() throws Exception {
    AtomicReference<JwtBearerAuthenticator> verifier = new AtomicReference<>();
    crm = new ToolServer(new dev.mcpkit.core.auth.McpAuthenticator() {
      @Override
      public dev.mcpkit.core.auth.AuthResult authenticate(
          dev.mcpkit.core.auth.HttpRequestView request) {
        return verifier.get().authenticate(request);
      }

      @Override
      public com.fasterxml.jackson.databind.JsonNode protectedResourceMetadata() {
        return verifier.get().protectedResourceMetadata();
      }
    });
    verifier.set(JwtBearerAuthenticator.builder().issuer(as.issuerUrl("default").toString())
        .jwksUri(as.jwksUrl("default").uri()).resource(crm.url()).build());
    McpPostgres pg = TestDatabase.freshStores("refresh");
    McpOAuth first = instance(pg.tokenStore(), crm.url());
    McpOAuth second = instance(McpPostgres.builder().dataSource(TestDatabase.pool(12))
        .schema(pg.schema()).build().tokenStore(), crm.url());
    first.connectWithClientCredentials(owner, crm.url());
    String before = first.accessToken(owner, crm.url());
    assertThat(tokenRequests()).isEqualTo(1);

    now.updateAndGet(t -> t.plus(Duration.ofHours(2)));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> tokens = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      McpOAuth instance = i % 2 == 0 ? first : second;
      tokens.add(pool.submit(() -> {
        go.await();
        return instance.accessToken(owner, crm.url());
      }));
    }
    go.countDown();
    Set<String> seen = new HashSet<>();
    for (Future<String> f : tokens) {
      seen.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(seen).hasSize(1).doesNotContain(before).doesNotContainNull();
  }

  /** How many token requests the authorization server received since the last count. */
  int tokenRequests() {
    int count = 0;
    while (true) {
      RecordedRequest r;
      try {
        r = as.takeRequest(200, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        return count;
      }
      if (r == null) {
        return count;
      }
      if (r.getPath() != null && r.getPath().endsWith("/token")) {
        count++;
      }
    }
  }
}
