package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.policy.spi.InMemoryAuditLog;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A governance engine over a real MCP server on loopback HTTP that checks API keys (mcp-auth's
 * {@link ApiKeyAuthenticator}): server "crm" registered by the admin, shared with alice and the
 * sales group, attached per user to agent "helper".
 */
abstract class GovernanceFixture {
  static final String AGENT = "helper";
  static final SecretCipher CIPHER = SecretCipher.aesGcm(KeySource.of("k1", new byte[32]));

  final Principal root = Principal.admin("root");
  final Principal wsAdmin = new Principal("wsadmin", Set.of(), false, true);
  final Principal alice = Principal.user("alice");
  final Principal bob = Principal.user("bob", "eng");
  final Principal carol = Principal.user("carol", "sales", "security");
  final Principal dave = Principal.user("dave", "security");

  final MutableClock clock = new MutableClock();
  final InMemoryDirectory directory = new InMemoryDirectory();
  final InMemoryAuditLog audit = new InMemoryAuditLog(10_000, false);
  ApiKeyAuthenticator keys;
  CrmServer crm;
  McpGovernance gov;

  @BeforeEach
  void startServerAndGovernance() throws Exception {
    for (Principal p : new Principal[] {root, wsAdmin, alice, bob, carol, dave}) {
      directory.put(p);
    }
    keys = ApiKeyAuthenticator.builder().build();
    crm = new CrmServer(keys);
    gov = configure(McpGovernance.builder()
        .directory(directory)
        .audit(audit, audit)
        .cipher(CIPHER)
        .clock(clock)).build();
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM")
        .description("Customers").url(crm.url()).apiKey(null).build());
    gov.share(root, "crm", Sharing.withUsers("alice").plusGroup("sales"));
    gov.attach(root, AgentConnector.perUser(AGENT, "crm"));
  }

  /** Lets a test change the builder. */
  McpGovernance.Builder configure(McpGovernance.Builder builder) {
    return builder;
  }

  @AfterEach
  void stop() {
    if (gov != null) {
      gov.close();
    }
    crm.close();
  }

  /** Connects {@code p}'s own account to crm with a freshly issued API key. */
  Connection connect(Principal p) throws Exception {
    Connection c = gov.openConnection(p, "crm");
    return gov.saveApiKey(p, c.id(), keys.issue(p.id(), Set.of()).key());
  }

  void allow(String tool, ToolPermission permission) throws Exception {
    gov.setPermission(root, AGENT, "crm", tool, permission);
  }

  void reconfigure(UnaryOperator<AgentConnector> change) throws Exception {
    AgentConnector current = AgentConnector.perUser(AGENT, "crm");
    gov.configure(root, change.apply(current));
  }

  static ObjectNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("message", text);
  }

  static String text(CallOutcome outcome) {
    assertThat(outcome).isInstanceOf(CallOutcome.Completed.class);
    return ((Content.Text) ((CallOutcome.Completed) outcome).result().content().get(0)).text();
  }
}
