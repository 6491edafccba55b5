package dev.mcpkit.examples.quickstart;

import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import java.io.IOException;
import java.util.Map;

/**
 * Governance in a few lines: an admin registers a server, shares it and sets a tool's permission; a
 * user's call then waits for an approval and runs once approved. The README's governance
 * quickstart is the tagged region below, checked by a test.
 */
public final class GovernanceQuickstart {
  private GovernanceQuickstart() {}

  /** Governs a call of {@code greet} on the server at {@code serverUrl}. */
  public static CallOutcome greetWithApproval(String serverUrl, byte[] hostKey, String apiKey)
      throws IOException {
    // tag::governance[]
    InMemoryDirectory directory = new InMemoryDirectory()    // your identity system, behind an SPI
        .put(Principal.admin("root"))
        .put(Principal.user("ada", "engineering"));
    try (McpGovernance gov = McpGovernance.builder()
        .directory(directory)
        .cipher(SecretCipher.aesGcm(KeySource.of("2026-12", hostKey)))  // credentials encrypted
        .build()) {                                          // stores: in memory unless you wire yours
      Principal admin = directory.find("root");
      Principal ada = directory.find("ada");
      gov.registerServer(admin, ServerRegistration.builder("hello").name("Hello")
          .url(serverUrl).apiKey("Authorization").build());
      gov.share(admin, "hello", Sharing.team());
      gov.attach(admin, AgentConnector.perUser("assistant", "hello"));
      gov.setPermission(admin, "assistant", "hello", "greet", ToolPermission.NEEDS_APPROVAL);

      gov.saveApiKey(ada, gov.openConnection(ada, "hello").id(), apiKey);   // ada connects
      CallOutcome outcome = gov.invoke(ada, "assistant", "hello", "greet", Map.of("name", "Ada"));
      if (outcome instanceof CallOutcome.ApprovalRequired approval) {
        outcome = gov.approve(approval.approvalId(), ada);  // runs the call exactly once
      }
      return outcome;  // Completed (live result), Denied, ConnectionRequired or Failed
    }
    // end::governance[]
  }
}
