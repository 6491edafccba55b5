package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.policy.spi.InMemoryApprovalStore;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The activity log for people: per-server payload policies (for the log and for what pending
 * approvals keep), the auditor role, retention and export. dave is an auditor (group security).
 */
class ActivityLogTest extends GovernanceFixture {
  final InMemoryApprovalStore approvals = new InMemoryApprovalStore();

  @Override
  McpGovernance.Builder configure(McpGovernance.Builder builder) {
    return builder.auditorGroup("security").activityRetention(Duration.ofDays(30))
        .approvals(approvals);
  }

  void payloadPolicy(PayloadPolicy policy) throws Exception {
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM")
        .description("Customers").url(crm.url()).apiKey(null).payloadPolicy(policy).build());
  }

  CallOutcome.Completed echo(String text) throws Exception {
    return (CallOutcome.Completed) gov.invoke(alice, AGENT, "crm", "echo", message(text));
  }

  AuditEvent callEvent(Principal viewer, CallOutcome outcome) throws Exception {
    return gov.callEvents(viewer, outcome.correlationId()).stream()
        .filter(e -> e.type() == AuditEvent.Type.CALL).findFirst().orElseThrow();
  }

  @Test
  void anAuditorReadsPayloadsWhereTheUserHimselfSeesMetadataOnly() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome done = echo("quarterly numbers");
    assertThat(callEvent(dave, done).input().get("message").asText())
        .isEqualTo("quarterly numbers");
    assertThat(callEvent(alice, done).input()).isNull();
    assertThat(callEvent(alice, done).outcome()).isEqualTo("completed");
    assertThat(gov.activity(dave, AuditFilter.principal("alice"), null, 50).items()).isNotEmpty();
  }

  @Test
  void metadataOnlyKeepsNoPayloadEvenForAdminsAndAuditors() throws Exception {
    payloadPolicy(PayloadPolicy.METADATA_ONLY);
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome done = echo("private");
    AuditEvent e = callEvent(root, done);
    assertThat(e.input()).isNull();
    assertThat(e.result()).isNull();
    assertThat(e.duration()).isNotNull();
    assertThat(audit.all().toString()).doesNotContain("private");
  }

  @Test
  void redactedKeepsTheShapeOfInputsAndResultsButNoValue() throws Exception {
    payloadPolicy(PayloadPolicy.REDACTED);
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome done = echo("private");
    AuditEvent e = callEvent(dave, done);
    assertThat(e.input().get("message").asText()).isEqualTo("[REDACTED]");
    assertThat(e.result().toString()).doesNotContain("private").contains("content");
    assertThat(audit.all().toString()).doesNotContain("echo:private");
  }

  @Test
  void underRedactedAPendingApprovalKeepsItsArgumentsEncryptedAndStillRunsThemExactly()
      throws Exception {
    payloadPolicy(PayloadPolicy.REDACTED);
    connect(alice);
    allow("echo", ToolPermission.NEEDS_APPROVAL);
    var asked = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("wire 5000 to acct 42"));
    assertThat(approvals.find(asked.approvalId()).arguments().toString())
        .doesNotContain("wire").contains("$sealed");
    ApprovalRequest shown = gov.approvals(root, null, 10).items().get(0);
    assertThat(shown.arguments().get("message").asText()).isEqualTo("[REDACTED]");
    assertThat(text(gov.approve(asked.approvalId(), root))).isEqualTo("echo:wire 5000 to acct 42");
  }

  @Test
  void underMetadataOnlyApproversSeeNoArguments() throws Exception {
    payloadPolicy(PayloadPolicy.METADATA_ONLY);
    connect(alice);
    allow("echo", ToolPermission.NEEDS_APPROVAL);
    var asked = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("secret plan"));
    assertThat(gov.approvals(root, null, 10).items().get(0).arguments().isEmpty()).isTrue();
    assertThat(approvals.find(asked.approvalId()).arguments().toString())
        .doesNotContain("secret plan");
    assertThat(text(gov.approve(asked.approvalId(), root))).isEqualTo("echo:secret plan");
  }

  @Test
  void retentionPurgesEventsOlderThanItByTheInjectedClock() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    echo("old");
    int before = audit.all().size();
    clock.advance(Duration.ofDays(31));
    CallOutcome fresh = echo("new");
    assertThat(gov.purgeExpiredActivity()).isEqualTo(before);
    assertThat(audit.all()).isNotEmpty().allSatisfy(e ->
        assertThat(e.time()).isAfter(clock.instant().minus(Duration.ofDays(30))));
    assertThat(gov.callEvents(root, fresh.correlationId())).hasSize(2);
    assertThat(gov.purgeExpiredActivity()).isZero();
  }

  @Test
  void exportWritesOneJsonObjectPerLineWithWhatTheViewerMaySee() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    for (int i = 0; i < 250; i++) {
      echo("n" + i);
    }
    StringWriter all = new StringWriter();
    long count = gov.exportActivity(dave, AuditFilter.ALL, all);
    List<String> lines = all.toString().lines().toList();
    assertThat(lines).hasSize((int) count);
    assertThat(count).isEqualTo(audit.all().size());
    JsonNode newest = McpJson.mapper().readTree(lines.get(0));
    assertThat(newest.get("type").asText()).isEqualTo("CALL");
    assertThat(newest.get("input").get("message").asText()).isEqualTo("n249");

    StringWriter own = new StringWriter();
    long mine = gov.exportActivity(alice, null, own);
    assertThat(mine).isPositive();
    assertThat(own.toString()).doesNotContain("n249").doesNotContain("\"root\"");
  }
}
