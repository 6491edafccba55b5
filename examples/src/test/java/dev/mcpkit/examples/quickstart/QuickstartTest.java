package dev.mcpkit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.server.McpHttpServer;
import org.junit.jupiter.api.Test;

class QuickstartTest {
  @Test
  void theReadmeClientCallsTheReadmeServerOverLoopbackHttp() throws Exception {
    try (McpHttpServer http = ServerQuickstart.start(0)) {
      String url = http.url(http.endpoints().get(0)).toString();
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/mcp/v1/[A-Za-z0-9_-]{32}/mcp");
      CallToolResult result = ClientQuickstart.greet(url);
      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(result.content()).singleElement().isEqualTo(new Content.Text("Hello, Ada!"));
    }
  }

  @Test
  void theReadmeGovernanceCallWaitsForApprovalThenRunsAgainstTheReadmeServer() throws Exception {
    try (McpHttpServer http = ServerQuickstart.start(0)) {
      String url = http.url(http.endpoints().get(0)).toString();
      CallOutcome outcome = GovernanceQuickstart.greetWithApproval(url, new byte[32], "key-1");
      assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Completed.class, c ->
          assertThat(c.result().content()).singleElement()
              .isEqualTo(new Content.Text("Hello, Ada!")));
    }
  }
}
