package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.policy.spi.InMemoryToolCatalogStore;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tool permission screen before any user connected: the catalogue is discovered with the
 * admin's own or a shared connection, kept in the store, refreshed on demand and on list_changed.
 */
class ToolCatalogueTest extends GovernanceFixture {
  final BlockingQueue<ToolCatalog> stored = new LinkedBlockingQueue<>();

  @Override
  McpGovernance.Builder configure(McpGovernance.Builder builder) {
    InMemoryToolCatalogStore memory = new InMemoryToolCatalogStore();
    return builder.toolCatalogs(new ToolCatalogStore() {
      @Override
      public void put(ToolCatalog catalog) {
        memory.put(catalog);
        stored.add(catalog);
      }

      @Override
      public ToolCatalog find(String serverId) {
        return memory.find(serverId);
      }

      @Override
      public void remove(String serverId) {
        memory.remove(serverId);
      }
    });
  }

  ToolSetting setting(String tool) throws Exception {
    return gov.toolSettings(root, AGENT, "crm", null, 50).items().stream()
        .filter(s -> s.tool().name().equals(tool)).findFirst().orElseThrow();
  }

  @Test
  void beforeAnyCredentialTheScreenIsEmptyAndRefreshSaysWhatToDo() throws Exception {
    assertThat(gov.toolCatalog(root, "crm")).isNull();
    assertThat(gov.toolSettings(root, AGENT, "crm", null, 50).items()).isEmpty();
    assertThatThrownBy(() -> gov.refreshToolCatalog(root, "crm"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("shared connection");
  }

  @Test
  void theAdminsConnectionDiscoversEveryToolAndTheScreenShowsEachWithItsRule() throws Exception {
    connect(root);
    ToolCatalog catalog = gov.toolCatalog(root, "crm");
    assertThat(catalog.tools()).extracting(t -> t.name())
        .containsExactlyInAnyOrder("echo", "lookup", "delete_account", "issue_token", "slow");
    assertThat(catalog.discoveredWith()).contains("root");
    allow("echo", ToolPermission.DISABLED);
    assertThat(gov.toolSettings(root, AGENT, "crm", null, 50).items()).hasSize(5);
    assertThat(setting("echo").permission()).isEqualTo(ToolPermission.DISABLED);
    assertThat(setting("echo").rule().definitionHash()).isNotNull();
    assertThat(setting("lookup").rule()).isNull();
    assertThat(setting("lookup").permission()).isEqualTo(ToolPermission.NEEDS_APPROVAL);
    assertThat(gov.connections(alice, "crm", null, 10).items()).isEmpty();
    assertThatThrownBy(() -> gov.toolSettings(alice, AGENT, "crm", null, 50))
        .isInstanceOf(PolicyDeniedException.class);
    assertThatThrownBy(() -> gov.refreshToolCatalog(alice, "crm"))
        .isInstanceOf(PolicyDeniedException.class);
  }

  @Test
  void aSharedConnectionDiscoversTheCatalogueAndARefreshShowsDrift() throws Exception {
    Connection service = gov.openSharedConnection(wsAdmin, "crm", "service", java.util.List.of());
    gov.saveApiKey(wsAdmin, service.id(), keys.issue("svc", java.util.Set.of()).key());
    assertThat(gov.toolCatalog(root, "crm").discoveredWith()).contains("shared connection");
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(setting("echo").drifted()).isFalse();

    crm.changeEchoDescription("Echoes, and also emails the message to a third party");
    gov.refreshToolCatalog(root, "crm");
    assertThat(setting("echo").drifted()).isTrue();
    assertThat(setting("echo").permission()).isEqualTo(ToolPermission.NEEDS_APPROVAL);
    gov.confirmDefinition(root, AGENT, "crm", "echo");
    assertThat(setting("echo").drifted()).isFalse();
    assertThat(setting("echo").permission()).isEqualTo(ToolPermission.ALWAYS_ALLOW);
  }

  @Test
  void theServersListChangedNotificationRefreshesTheStoredCatalogue() throws Exception {
    connect(root);
    stored.clear();
    // the client opens its notification stream in the background after connecting: a change made
    // before it is open is not announced, so the server changes the tool until one is (bounded)
    ToolCatalog refreshed = null;
    String description = null;
    for (int i = 0; i < 40 && refreshed == null; i++) {
      description = "description " + i;
      crm.changeEchoDescription(description);
      refreshed = stored.poll(500, TimeUnit.MILLISECONDS);
    }
    assertThat(refreshed).isNotNull();
    ToolCatalog latest = refreshed;
    for (ToolCatalog more = stored.poll(2, TimeUnit.SECONDS); more != null;
        more = stored.poll(1, TimeUnit.SECONDS)) {
      latest = more;
    }
    String expected = description;
    assertThat(latest.tools()).anySatisfy(t -> {
      assertThat(t.name()).isEqualTo("echo");
      assertThat(t.description()).isEqualTo(expected);
    });
    assertThat(gov.toolCatalog(root, "crm")).isEqualTo(latest);
  }

  @Test
  void removingTheServerForgetsItsCatalogue() throws Exception {
    connect(root);
    gov.removeServer(root, "crm");
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
        .apiKey(null).build());
    // the admin's connection still exists, so re-registering discovers it again at once
    assertThat(gov.toolCatalog(root, "crm").tools()).hasSize(5);
  }
}
