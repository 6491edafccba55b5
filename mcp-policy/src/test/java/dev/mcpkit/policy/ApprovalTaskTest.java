package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.client.TaskSnapshot;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.TaskOptions;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.ToolException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An approval-gated call answered as a task, end to end over loopback: mcp-client calls a host's
 * MCP server (mcp-server, the tool runs as a task), whose tool makes the governed call through
 * mcp-policy to the CRM server; the task waits in {@code working}, its status message naming the
 * approval, and completes with the CRM's answer once someone approves.
 */
@Timeout(30)
class ApprovalTaskTest extends GovernanceFixture {
  private final CountDownLatch waitInterrupted = new CountDownLatch(1);
  private ApprovalWaits waits;
  private McpHttpServer host;
  private McpClient client;

  @BeforeEach
  void startHost() throws Exception {
    connect(alice);
    waits = ApprovalWaits.of(gov);
    McpServer server = McpServer.builder().name("assistant-host").version("1.0.0")
        .tasks(TaskOptions.builder().pollInterval(Duration.ofMillis(50)).build())
        .tool(ToolDefinition.builder("crm_echo").description("Echoes through the CRM, governed")
            .taskSupport(TaskSupport.OPTIONAL)
            .handler((args, ctx) -> {
              CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", (ObjectNode) args);
              if (outcome instanceof CallOutcome.ApprovalRequired a) {
                ctx.progress(0, null, "waiting for approval " + a.approvalId());
                try {
                  outcome = waits.await(a.approvalId(), Duration.ofMinutes(1));
                } catch (InterruptedException e) {
                  waitInterrupted.countDown();
                  throw e;
                }
              }
              if (outcome instanceof CallOutcome.Completed c) {
                return c.result();
              }
              throw new ToolException(outcome instanceof CallOutcome.Denied d ? d.reason()
                  : outcome.toString());
            }).build())
        .build();
    host = McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server)).start();
    client = McpClient.builder().transport(ClientTransport.http(host.url().toString())).tasks()
        .connect();
  }

  @AfterEach
  void stopHost() {
    if (client != null) {
      client.close();
    }
    if (host != null) {
      host.close();
    }
  }

  /** Polls the task (as a client would) until it names the approval it waits for. */
  private String approvalIdOf(String taskId) throws Exception {
    for (int i = 0; i < 400; i++) {
      TaskSnapshot t = client.getTask(taskId);
      String m = t.statusMessage();
      if (m != null && m.contains("waiting for approval ")) {
        assertThat(t.status()).isEqualTo(TaskStatus.WORKING);
        return m.substring(m.indexOf("waiting for approval ") + 21).trim();
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the task never said which approval it waits for");
  }

  @Test
  void aCallThatNeedsApprovalIsATaskThatCompletesOnceSomeoneApproves() throws Exception {
    allow("echo", ToolPermission.NEEDS_APPROVAL);
    TaskSnapshot started = client.callToolAsTask("crm_echo", message("hi"));
    String approvalId = approvalIdOf(started.taskId());
    assertThat(crm.calls("echo")).isZero();

    CallOutcome approved = waits.approve(approvalId, alice);
    CallToolResult result = client.awaitTask(started.taskId(), Duration.ofSeconds(10), null);

    assertThat(text(approved)).isEqualTo("echo:hi");
    assertThat(((Content.Text) result.content().get(0)).text()).isEqualTo("echo:hi");
    assertThat(crm.calls("echo")).isEqualTo(1);
  }

  @Test
  void aRejectedApprovalCompletesTheTaskWithAToolErrorAndNothingRuns() throws Exception {
    allow("echo", ToolPermission.NEEDS_APPROVAL);
    TaskSnapshot started = client.callToolAsTask("crm_echo", message("no"));
    String approvalId = approvalIdOf(started.taskId());

    waits.reject(approvalId, alice, "not today");
    CallToolResult result = client.awaitTask(started.taskId(), Duration.ofSeconds(10), null);

    assertThat(result.isError()).isTrue();
    assertThat(((Content.Text) result.content().get(0)).text()).contains("rejected")
        .contains("not today");
    assertThat(crm.calls("echo")).isZero();
  }

  @Test
  void cancellingTheTaskStopsTheWaitAndTheApprovalNeverRuns() throws Exception {
    allow("echo", ToolPermission.NEEDS_APPROVAL);
    TaskSnapshot started = client.callToolAsTask("crm_echo", message("later"));
    approvalIdOf(started.taskId());

    client.cancelTask(started.taskId());

    assertThat(waitInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(client.getTask(started.taskId()).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(crm.calls("echo")).isZero();
  }

  @Test
  void anAllowedCallCompletesTheTaskWithoutAnyApproval() throws Exception {
    allow("echo", ToolPermission.ALWAYS_ALLOW);

    CallToolResult result = client.callTool("crm_echo", Map.of("message", "now"));

    assertThat(((Content.Text) result.content().get(0)).text()).isEqualTo("echo:now");
  }

  @Test
  void aLateWaiterStillGetsTheOutcome() throws Exception {
    connect(carol);
    allow("echo", ToolPermission.NEEDS_APPROVAL);
    CallOutcome.ApprovalRequired a = (CallOutcome.ApprovalRequired) gov.invoke(carol, AGENT,
        "crm", "echo", message("early"));

    waits.approve(a.approvalId(), carol);

    assertThat(text(waits.await(a.approvalId(), Duration.ofSeconds(1)))).isEqualTo("echo:early");
  }
}
