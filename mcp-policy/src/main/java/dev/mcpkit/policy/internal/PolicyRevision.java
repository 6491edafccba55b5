package dev.mcpkit.policy.internal;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolRule;
import java.util.TreeSet;

/**
 * A fingerprint of the policy that governs one tool for one agent: the registration, the sharing, the
 * connector's settings, the tool's rule and the shared connection's shares. Deterministic across JVMs
 * (sets are sorted), so an approval survives a restart but not a policy change.
 */
public final class PolicyRevision {
  private PolicyRevision() {}

  public static String of(Access a, String tool) {
    StringBuilder sb = new StringBuilder();
    ServerRegistration r = a.registration();
    sb.append(r.id()).append('|').append(r.url()).append('|').append(r.transport()).append('|')
        .append(r.auth()).append('|').append(r.trusted()).append('|').append(r.oauthClient())
        .append('\n');
    Sharing s = a.sharing();
    sb.append(s.access()).append('|').append(new TreeSet<>(s.users())).append('|')
        .append(new TreeSet<>(s.groups())).append('\n');
    AgentConnector c = a.connector();
    sb.append(c.method()).append('|').append(c.sharedConnectionId()).append('|')
        .append(c.newToolPermission()).append('|').append(c.onDrift()).append('|')
        .append(c.approvers()).append('|').append(c.annotationDefaults()).append('\n');
    ToolRule rule = c.rules().get(tool);
    sb.append(rule == null ? "-" : rule.permission() + "|" + rule.definitionHash()).append('\n');
    if (a.sharedConnection() != null) {
      TreeSet<String> shares = new TreeSet<>();
      for (ConnectionShare share : a.sharedConnection().shares()) {
        shares.add(share.toString());
      }
      sb.append(a.sharedConnection().id()).append('|').append(shares);
    }
    return Hashes.sha256(sb.toString());
  }
}
