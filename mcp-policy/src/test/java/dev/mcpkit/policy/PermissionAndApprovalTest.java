package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PermissionAndApprovalTest extends GovernanceFixture {

  @Test
  void anAlwaysAllowedToolRunsAtOnceWithTheUsersOwnCredentials() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("hi"));
    assertThat(text(outcome)).isEqualTo("echo:hi");
    assertThat(crm.lastPrincipal).isEqualTo("alice");
  }

  @Test
  void aToolWithoutAPermissionNeedsApprovalByDefaultAndDoesNotRunYet() throws Exception {
    connect(alice);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("hi"));
    assertThat(outcome).isInstanceOf(CallOutcome.ApprovalRequired.class);
    CallOutcome.ApprovalRequired required = (CallOutcome.ApprovalRequired) outcome;
    assertThat(required.tool()).isEqualTo("echo");
    assertThat(required.arguments().get("message").asText()).isEqualTo("hi");
    assertThat(required.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(crm.calls("echo")).isZero();
  }

  @Test
  void theDefaultForNewToolsIsConfigurable() throws Exception {
    gov.close();
    gov = McpGovernance.builder().directory(directory).cipher(CIPHER).clock(clock)
        .newToolPermission(ToolPermission.ALWAYS_ALLOW).build();
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
        .apiKey(null).build());
    gov.share(root, "crm", Sharing.withUsers("alice"));
    gov.attach(root, AgentConnector.perUser(AGENT, "crm"));
    connect(alice);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("x")))).isEqualTo("echo:x");
  }

  @Test
  void aDisabledToolIsDeniedAndNotListed() throws Exception {
    connect(alice);
    allow("delete_account", ToolPermission.DISABLED);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "delete_account", message("x"));
    assertThat(outcome).isInstanceOf(CallOutcome.Denied.class);
    assertThat(((CallOutcome.Denied) outcome).rule()).isEqualTo("tool-permission");
    assertThat(((CallOutcome.Denied) outcome).reason()).contains("delete_account", "disabled");
    assertThat(crm.calls("delete_account")).isZero();

    AgentTools tools = gov.listTools(alice, AGENT);
    assertThat(tools.tools()).extracting(t -> t.tool().name())
        .contains("echo", "lookup").doesNotContain("delete_account");
    assertThat(tools.tools()).filteredOn(t -> t.tool().name().equals("echo"))
        .extracting(GovernedTool::permission).containsExactly(ToolPermission.ALWAYS_ALLOW);
  }

  @Test
  void approvingRunsTheCallExactlyOnceAndReturnsItsResult() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("first"));
    assertThat(text(gov.approve(required.approvalId(), alice))).isEqualTo("echo:first");
    assertThat(crm.calls("echo")).isEqualTo(1);
  }

  @Test
  void aNeedsApprovalPermissionSetBeforeTheToolWasEverListedIsApprovableOnTheFirstCall()
      throws Exception {
    connect(alice);
    allow("echo", ToolPermission.NEEDS_APPROVAL); // nobody has listed the server's tools yet
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("first"));
    assertThat(text(gov.approve(required.approvalId(), alice))).isEqualTo("echo:first");
    assertThat(crm.calls("echo")).isEqualTo(1);
  }

  @Test
  void anApprovalCannotBeReplayed() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("once"));
    gov.approve(required.approvalId(), alice);
    CallOutcome replay = gov.approve(required.approvalId(), alice);
    assertThat(replay).isInstanceOf(CallOutcome.Denied.class);
    assertThat(((CallOutcome.Denied) replay).rule()).isEqualTo("approval-used");
    assertThat(crm.calls("echo")).isEqualTo(1);
  }

  @Test
  void concurrentApprovalsOfTheSameRequestRunTheCallOnce() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("race"));
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<CallOutcome>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(pool.submit(() -> {
        go.await();
        return gov.approve(required.approvalId(), alice);
      }));
    }
    go.countDown();
    int completed = 0;
    for (Future<CallOutcome> f : results) {
      completed += f.get() instanceof CallOutcome.Completed ? 1 : 0;
    }
    pool.shutdown();
    assertThat(completed).isEqualTo(1);
    assertThat(crm.calls("echo")).isEqualTo(1);
  }

  @Test
  void rejectingEndsTheRequestAndNothingRuns() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("no"));
    ApprovalRequest rejected = gov.reject(required.approvalId(), alice, "not now");
    assertThat(rejected.status()).isEqualTo(ApprovalRequest.Status.REJECTED);
    assertThat(rejected.reason()).isEqualTo("not now");
    assertThat(gov.approve(required.approvalId(), alice)).isInstanceOf(CallOutcome.Denied.class);
    assertThat(crm.calls("echo")).isZero();
    assertThat(audit.byPrincipal("alice", 50)).extracting(AuditEvent::outcome)
        .contains("rejected");
  }

  @Test
  void anApprovalExpiresAfterFifteenMinutes() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("late"));
    clock.advance(Duration.ofMinutes(15));
    CallOutcome outcome = gov.approve(required.approvalId(), alice);
    assertThat(((CallOutcome.Denied) outcome).rule()).isEqualTo("approval-expired");
    assertThat(crm.calls("echo")).isZero();
  }

  @Test
  void anApprovalJustBeforeExpiryStillRuns() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("in time"));
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(text(gov.approve(required.approvalId(), alice))).isEqualTo("echo:in time");
  }

  @Test
  void eachApprovalRunsExactlyTheArgumentsItWasRequestedWith() throws Exception {
    connect(alice);
    var first = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("a"));
    var second = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("b"));
    assertThat(first.approvalId()).isNotEqualTo(second.approvalId());
    assertThat(text(gov.approve(second.approvalId(), alice))).isEqualTo("echo:b");
    assertThat(text(gov.approve(first.approvalId(), alice))).isEqualTo("echo:a");
  }

  @Test
  void aPolicyChangeAfterTheRequestNeedsANewApproval() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("x"));
    gov.share(root, "crm", Sharing.withUsers("alice").plusGroup("sales").plusGroup("eng"));
    CallOutcome outcome = gov.approve(required.approvalId(), alice);
    assertThat(((CallOutcome.Denied) outcome).rule()).isEqualTo("policy-changed");
    assertThat(crm.calls("echo")).isZero();
  }

  @Test
  void fourEyesByAdminRefusesTheRequesterAndAcceptsAnotherAdmin() throws Exception {
    connect(alice);
    reconfigure(c -> c.withApprovers(Approvers.anotherAdmin()));
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("4e"));
    CallOutcome self = gov.approve(required.approvalId(), alice);
    assertThat(((CallOutcome.Denied) self).rule()).isEqualTo("approvers");
    assertThat(((CallOutcome.Denied) self).reason()).contains("an admin other than");
    assertThat(crm.calls("echo")).isZero();
    assertThat(text(gov.approve(required.approvalId(), root))).isEqualTo("echo:4e");
  }

  @Test
  void fourEyesByGroupAcceptsOnlyAnotherMemberOfThatGroup() throws Exception {
    connect(carol);
    reconfigure(c -> c.withApprovers(Approvers.anotherMemberOf("security")));
    var required = (CallOutcome.ApprovalRequired) gov.invoke(carol, AGENT, "crm", "echo",
        message("g"));
    assertThat(gov.approve(required.approvalId(), carol)).isInstanceOf(CallOutcome.Denied.class);
    assertThat(gov.approve(required.approvalId(), bob)).isInstanceOf(CallOutcome.Denied.class);
    assertThat(text(gov.approve(required.approvalId(), dave))).isEqualTo("echo:g");
  }

  @Test
  void someoneWhoMayNotApproveCannotRejectEither() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("x"));
    assertThatThrownBy(() -> gov.reject(required.approvalId(), bob, "mine now"))
        .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("bob");
    assertThat(text(gov.approve(required.approvalId(), alice))).isEqualTo("echo:x");
  }

  @Test
  void trustedServerAnnotationsSetDefaultsButAnExplicitPermissionWins() throws Exception {
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
        .apiKey(null).trusted(true).build());
    reconfigure(c -> c.withAnnotationDefaults(true));
    connect(alice);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "lookup", message("x")))).isEqualTo("lookup:x");
    assertThat(gov.invoke(alice, AGENT, "crm", "delete_account", message("x")))
        .isInstanceOf(CallOutcome.ApprovalRequired.class);
    allow("lookup", ToolPermission.DISABLED);
    assertThat(gov.invoke(alice, AGENT, "crm", "lookup", message("x")))
        .isInstanceOf(CallOutcome.Denied.class);
  }

  @Test
  void annotationsOfAnUntrustedServerAreIgnored() throws Exception {
    reconfigure(c -> c.withAnnotationDefaults(true));
    connect(alice);
    assertThat(gov.invoke(alice, AGENT, "crm", "lookup", message("x")))
        .isInstanceOf(CallOutcome.ApprovalRequired.class);
  }
}
