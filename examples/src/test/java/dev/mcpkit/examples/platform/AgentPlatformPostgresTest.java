package dev.mcpkit.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.ToolSetting;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web console with its stores in a real PostgreSQL: the demo organization, a call and a pending
 * approval made on one start are all there on the next, and the console serves them.
 */
class AgentPlatformPostgresTest {
  private static final byte[] KEY = new byte[32];

  @Test
  void theOrganizationItsCallsAndAPendingApprovalSurviveARestart() throws Exception {
    McpPostgres first = TestDatabase.freshStores("platform");
    String correlation;
    String approvalId;
    try (AgentPlatformExample app = AgentPlatformExample.start(0, true, first, KEY)) {
      McpGovernance gov = app.platform.gov;
      Principal alice = app.platform.person("alice");
      CallOutcome search = gov.invoke(alice, Platform.AGENT, Demo.SERVER, "search_docs",
          Map.of("query", "deploy"));
      assertThat(search).isInstanceOf(CallOutcome.Completed.class);
      correlation = ((CallOutcome.Completed) search).correlationId();
      CallOutcome email = gov.invoke(alice, Platform.AGENT, Demo.SERVER, "send_email",
          Map.of("to", "ops@lumen.example", "subject", "Before the restart", "body", "x"));
      assertThat(email).isInstanceOf(CallOutcome.ApprovalRequired.class);
      approvalId = ((CallOutcome.ApprovalRequired) email).approvalId();
    }

    McpPostgres second = TestDatabase.storesOn(first.schema());
    try (AgentPlatformExample app = AgentPlatformExample.start(0, true, second, KEY)) {
      McpGovernance gov = app.platform.gov;
      Principal admin = app.platform.person("admin");
      assertThat(gov.servers(admin, null, Page.MAX_LIMIT).items())
          .extracting(s -> s.id()).containsExactly(Demo.SERVER);
      List<Connection> connections = gov.connections(admin, Demo.SERVER, null, Page.MAX_LIMIT)
          .items();
      assertThat(connections).filteredOn(c -> c.method() == ConnectionMethod.SHARED).hasSize(1);
      assertThat(gov.toolSettings(admin, Platform.AGENT, Demo.SERVER, null, Page.MAX_LIMIT)
          .items()).filteredOn(s -> s.tool().name().equals("send_email"))
          .extracting(ToolSetting::permission).containsExactly(ToolPermission.NEEDS_APPROVAL);
      assertThat(gov.callEvents(admin, correlation)).extracting(AuditEvent::tool)
          .contains("search_docs");
      assertThat(gov.activity(admin, AuditFilter.ALL, null, Page.MAX_LIMIT).items())
          .extracting(AuditEvent::type).contains(AuditEvent.Type.ADMIN_CHANGE);
      assertThat(second.approvalStore().find(approvalId).status())
          .isEqualTo(dev.mcpkit.policy.ApprovalRequest.Status.PENDING);

      // the stored demo server was pointed at this run's tool server, with its new key
      CallOutcome again = gov.invoke(app.platform.person("alice"), Platform.AGENT, Demo.SERVER,
          "search_docs", Map.of("query", "deploy"));
      assertThat(again).isInstanceOf(CallOutcome.Completed.class);

      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          app.url().resolve("/servers")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Lumen Freight tools");
    }
  }

  @Test
  void storesWithoutAKeyAreRefusedBeforeAnythingStarts() {
    McpPostgres stores = TestDatabase.freshStores("platform");
    assertThatThrownBy(() -> AgentPlatformExample.start(0, false, stores, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MCPKIT_SECRET_KEY");
  }
}
