package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftRedactionExplainTest extends GovernanceFixture {

  @Test
  void aToolWhoseDefinitionChangedNeedsApprovalUntilAnAdminConfirmsIt() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("1")))).isEqualTo("echo:1");

    crm.changeEchoDescription("Echoes the message and also emails it to everyone");
    clock.advance(Duration.ofMinutes(2));
    assertThat(gov.invoke(alice, AGENT, "crm", "echo", message("2")))
        .isInstanceOf(CallOutcome.ApprovalRequired.class);
    assertThat(audit.byAgent(AGENT, 100)).filteredOn(e -> e.type()
        == AuditEvent.Type.DEFINITION_DRIFT).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("changed the definition of 'echo'"));
    Decision why = gov.explain(alice, AGENT, "crm", "echo");
    assertThat(why.rule()).isEqualTo("definition-drift");
    assertThat(why.permission()).isEqualTo(ToolPermission.NEEDS_APPROVAL);

    gov.confirmDefinition(root, AGENT, "crm", "echo");
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("3")))).isEqualTo("echo:3");
  }

  @Test
  void driftCanBeConfiguredToDisableTheTool() throws Exception {
    connect(alice);
    reconfigure(c -> c.withOnDrift(ToolPermission.DISABLED));
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(gov.listTools(alice, AGENT).tools()).extracting(t -> t.tool().name())
        .contains("echo");
    crm.changeEchoDescription("Something else entirely");
    AgentTools tools = gov.listTools(alice, AGENT);
    assertThat(tools.tools()).extracting(t -> t.tool().name()).doesNotContain("echo");
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    assertThat(((CallOutcome.Denied) outcome).rule()).isEqualTo("definition-drift");
    assertThat(crm.calls("echo")).isZero();
  }

  @Test
  void secretsAreRedactedFromTheActivityLogButTheCallerGetsTheLiveResult() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    allow("issue_token", ToolPermission.ALWAYS_ALLOW);
    ObjectNode args = message("hello");
    args.put("Password", "hunter2");
    args.putObject("nested").put("API_KEY", "key-123")
        .putArray("list").addObject().put("refreshToken", "rt-456");
    args.put("note", "use Authorization: Bearer abcdefghijklmnop please");
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", args))).isEqualTo("echo:hello");
    CallOutcome token = gov.invoke(alice, AGENT, "crm", "issue_token", JsonNodeFactory.instance
        .objectNode());
    assertThat(((CallOutcome.Completed) token).result().structuredContent().get("access_token")
        .asText()).isEqualTo("tok-SECRET-123");

    List<AuditEvent> events = gov.history(alice, 100);
    String logged = McpJson.write(events.stream().map(e -> List.of(String.valueOf(e.input()),
        String.valueOf(e.result()), String.valueOf(e.detail()))).toList());
    assertThat(logged).doesNotContain("hunter2", "key-123", "rt-456", "abcdefghijklmnop",
        "tok-SECRET-123").contains("[REDACTED]", "hello");
    assertThat(events).filteredOn(e -> e.type() == AuditEvent.Type.CALL)
        .allSatisfy(e -> {
          assertThat(e.duration()).isNotNull();
          assertThat(e.correlationId()).isNotBlank();
        });
  }

  @Test
  void everyCallLeavesAnAllowedAndACompletedEventWithTheSameCorrelationId() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    List<AuditEvent> events = audit.byPrincipal("alice", 100).stream()
        .filter(e -> outcome.correlationId().equals(e.correlationId())).toList();
    assertThat(events).extracting(AuditEvent::type)
        .containsExactly(AuditEvent.Type.CALL, AuditEvent.Type.CALL_ALLOWED);
    assertThat(events.get(0).result().toString()).contains("echo:x");
    assertThat(events.get(0).input().get("message").asText()).isEqualTo("x");
    assertThat(events.get(0).outcome()).isEqualTo("completed");
  }

  @Test
  void theLoggedResultIsTheServersOwnAnswerRedactedAndApartFromWhatTheCallerGets()
      throws Exception {
    connect(alice);
    allow("issue_token", ToolPermission.ALWAYS_ALLOW);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "issue_token",
        JsonNodeFactory.instance.objectNode());
    ObjectNode live = (ObjectNode) ((CallOutcome.Completed) outcome).result().structuredContent();
    assertThat(live.get("access_token").asText()).isEqualTo("tok-SECRET-123");
    live.put("access_token", "changed by the caller");

    AuditEvent call = audit.byPrincipal("alice", 100).stream()
        .filter(e -> e.type() == AuditEvent.Type.CALL
            && outcome.correlationId().equals(e.correlationId()))
        .findFirst().orElseThrow();
    assertThat(call.result().get("structuredContent").get("access_token").asText())
        .isEqualTo("[REDACTED]");
    assertThat(call.result().get("content").isArray()).isTrue();
    assertThat(call.result().toString()).doesNotContain("tok-SECRET-123", "changed by the caller");
  }

  @Test
  void explainNamesEveryRuleThatApplied() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    gov.listTools(alice, AGENT);
    Decision yes = gov.explain(alice, AGENT, "crm", "echo");
    assertThat(yes.allowed()).isTrue();
    assertThat(yes.checks()).extracting(Decision.Check::rule).containsExactly("directory",
        "server-registered", "server-sharing", "agent-connector", "tool-permission",
        "definition-drift");
    assertThat(yes.checks()).allMatch(Decision.Check::passed);
    assertThat(yes.checks().get(2).detail()).contains("shared with 'alice' by name");

    Decision no = gov.explain(bob, AGENT, "crm", "echo");
    assertThat(no.allowed()).isFalse();
    assertThat(no.checks()).extracting(Decision.Check::rule).containsExactly("directory",
        "server-registered", "server-sharing");
    assertThat(no.checks().get(2).passed()).isFalse();
    assertThat(no.reason()).contains("not shared with 'bob'");

    Decision fresh = gov.explain(carol, AGENT, "crm", "lookup");
    assertThat(fresh.permission()).isEqualTo(ToolPermission.NEEDS_APPROVAL);
    assertThat(fresh.checks().get(2).detail()).contains("group 'sales'");
    assertThat(fresh.checks()).extracting(Decision.Check::detail)
        .anySatisfy(d -> assertThat(d).contains("new tools get NEEDS_APPROVAL"));
  }

  @Test
  void explainOfADisabledToolFailsThePermissionRuleAndKeepsTheDriftCheck() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.DISABLED);
    gov.listTools(alice, AGENT);
    Decision no = gov.explain(alice, AGENT, "crm", "echo");
    assertThat(no.allowed()).isFalse();
    assertThat(no.checks()).extracting(Decision.Check::rule).containsExactly("directory",
        "server-registered", "server-sharing", "agent-connector", "tool-permission",
        "definition-drift");
    assertThat(no.checks()).extracting(Decision.Check::passed)
        .containsExactly(true, true, true, true, false, true);
  }

  @Test
  void historyCanBeReadByPrincipalAndByAgent() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    gov.invoke(bob, AGENT, "crm", "echo", message("y"));
    assertThat(gov.history(alice, 100)).allMatch(e -> "alice".equals(e.principalId()));
    assertThat(gov.history(bob, 100)).extracting(AuditEvent::outcome).containsExactly("denied");
    assertThat(gov.agentHistory(AGENT, 100)).extracting(AuditEvent::principalId)
        .contains("alice", "bob");
  }
}
