package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.ToolRule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectorStore} must do. Extend it and return an empty store. */
public abstract class ConnectorStoreContract {
  protected abstract ConnectorStore newStore() throws Exception;

  @Test
  public void aConnectorReadsBackWithItsToolRules() throws Exception {
    ConnectorStore store = newStore();
    AgentConnector c = Samples.connector("helper", "crm").withRule("delete",
        new ToolRule(ToolPermission.DISABLED, "abc", "root", Instant.EPOCH));
    store.put(c);
    assertThat(store.find("helper", "crm")).isEqualTo(c);
    assertThat(store.find("helper", "crm").rules().get("delete").permission())
        .isEqualTo(ToolPermission.DISABLED);
  }

  @Test
  public void connectorsAreKeptPerAgentAndServer() throws Exception {
    ConnectorStore store = newStore();
    store.put(Samples.connector("helper", "crm"));
    store.put(Samples.connector("helper", "wiki"));
    store.put(Samples.connector("other", "crm"));
    assertThat(store.list("helper")).extracting(AgentConnector::serverId)
        .containsExactlyInAnyOrder("crm", "wiki");
    assertThat(store.list("nobody")).isEmpty();
    assertThat(store.find("other", "wiki")).isNull();
  }

  @Test
  public void putReplacesAndRemoveDetaches() throws Exception {
    ConnectorStore store = newStore();
    store.put(Samples.connector("helper", "crm"));
    store.put(Samples.connector("helper", "crm").withNewToolPermission(ToolPermission.DISABLED));
    assertThat(store.find("helper", "crm").newToolPermission()).isEqualTo(ToolPermission.DISABLED);
    assertThat(store.remove("helper", "crm")).isTrue();
    assertThat(store.remove("helper", "crm")).isFalse();
    assertThat(store.find("helper", "crm")).isNull();
  }

  @Test
  public void replaceChangesOnlyTheConnectorItWasGiven() throws Exception {
    ConnectorStore store = newStore();
    AgentConnector original = Samples.connector("helper", "crm");
    store.put(original);
    AgentConnector first = original.withNewToolPermission(ToolPermission.DISABLED);
    AgentConnector second = original.withNewToolPermission(ToolPermission.ALWAYS_ALLOW);
    assertThat(store.replace(original, first)).isTrue();
    assertThat(store.replace(original, second)).isFalse();
    assertThat(store.find("helper", "crm")).isEqualTo(first);
    assertThat(store.replace(Samples.connector("helper", "wiki"),
        Samples.connector("helper", "wiki"))).isFalse();
    assertThat(store.find("helper", "wiki")).isNull();
  }

  @Test
  public void ofConcurrentReplacesOfOneConnectorExactlyOneWins() throws Exception {
    ConnectorStore store = newStore();
    AgentConnector original = Samples.connector("helper", "crm");
    store.put(original);
    int n = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      AgentConnector mine = original.withRule("t" + i,
          new ToolRule(ToolPermission.DISABLED, null, "admin" + i, Instant.EPOCH));
      results.add(pool.submit(() -> {
        go.await();
        return store.replace(original, mine);
      }));
    }
    go.countDown();
    int wins = 0;
    for (java.util.concurrent.Future<Boolean> f : results) {
      wins += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(wins).isEqualTo(1);
    assertThat(store.find("helper", "crm").rules()).hasSize(1);
  }

  @Test
  public void aDriftReportIsClaimedOncePerDefinition() throws Exception {
    ConnectorStore store = newStore();
    assertThat(store.claimDriftReport("helper", "crm", "delete", "h1")).isTrue();
    assertThat(store.claimDriftReport("helper", "crm", "delete", "h1")).isFalse();
    assertThat(store.claimDriftReport("helper", "crm", "delete", "h2")).isTrue();
    assertThat(store.claimDriftReport("other", "crm", "delete", "h1")).isTrue();
  }
}
