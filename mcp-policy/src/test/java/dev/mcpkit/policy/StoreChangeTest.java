package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.spi.InMemoryConnectorStore;
import dev.mcpkit.policy.spi.InMemoryRegistryStore;
import org.junit.jupiter.api.Test;

/**
 * Policy changed through the stores (as another instance would make it, bypassing this instance's
 * admin operations) takes effect on the very next call: nothing of the policy is kept between calls.
 */
class StoreChangeTest extends GovernanceFixture {
  final InMemoryRegistryStore registry = new InMemoryRegistryStore();
  final InMemoryConnectorStore connectors = new InMemoryConnectorStore();

  @Override
  McpGovernance.Builder configure(McpGovernance.Builder builder) {
    return builder.registry(registry).connectors(connectors);
  }

  @Test
  void aToolDisabledThroughTheConnectorStoreIsRefusedOnTheNextCall() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("one")))).isEqualTo("echo:one");

    AgentConnector c = connectors.find(AGENT, "crm");
    ToolRule rule = c.rules().get("echo");
    connectors.put(c.withRule("echo", new ToolRule(ToolPermission.DISABLED, rule.definitionHash(),
        rule.setBy(), rule.setAt())));

    assertThat(gov.invoke(alice, AGENT, "crm", "echo", message("two")))
        .isInstanceOf(CallOutcome.Denied.class);
    assertThat(crm.calls("echo")).isEqualTo(1);
  }

  @Test
  void aServerMovedThroughTheRegistryStoreIsCalledAtItsNewAddressOnTheNextCall() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("one")))).isEqualTo("echo:one");

    try (CrmServer moved = new CrmServer(null)) {
      ServerRegistration reg = registry.find("crm");
      registry.put(ServerRegistration.builder("crm").name(reg.name())
          .description(reg.description()).url(moved.url()).apiKey(null).build());

      CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("two"));

      // the client connected to the old address is not reused: the call goes to the new one,
      // where alice has saved no API key yet
      assertThat(crm.calls("echo")).isEqualTo(1);
      assertThat(outcome).isInstanceOf(CallOutcome.Failed.class);
      assertThat(((CallOutcome.Failed) outcome).reason()).contains(moved.url().toString())
          .contains("no API key saved");
    }
  }
}
