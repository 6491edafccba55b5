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
}
