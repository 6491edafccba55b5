package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentShapeTest extends GovernanceFixture {

  @Test
  void argumentsThatAreNotAnObjectAreRefusedClearlyAndNothingRuns() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);

    assertThatThrownBy(() -> gov.invoke(alice, AGENT, "crm", "echo", (Object) List.of("hi")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arguments of tool 'echo' must be a JSON object")
        .hasMessageContaining("got array");
    assertThatThrownBy(() -> gov.invoke(alice, AGENT, "crm", "echo", (Object) "hi"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got string");
    assertThat(crm.lastPrincipal).isNull();
  }

  @Test
  void aMapIsAcceptedAsArguments() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);

    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo",
        (Object) Map.of("message", "hi"));

    assertThat(text(outcome)).isEqualTo("echo:hi");
  }
}
