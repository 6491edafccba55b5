package dev.mcpkit.examples.console;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The console's connection screen and menu ({@code connections}, {@code connection share | reconnect
 * | rename | delete}) and the events its {@code log} shows, on the governance read side. A
 * connection is named by its id, its name, or a server's id (the user's own connection to it); only
 * connections the acting user may see are found.
 */
final class ConnectionCommands {
  static final String USAGE = "connection share|reconnect|rename|delete ID|NAME [ARGS]";
  private final McpGovernance gov;
  private final PrintStream out;

  ConnectionCommands(McpGovernance gov, PrintStream out) {
    this.gov = gov;
    this.out = out;
  }

  /** Lists the connections {@code user} may see, of one server or of every server they may use. */
  void list(Principal user, String serverId) throws IOException {
    List<Connection> all = serverId != null ? connections(user, serverId) : visible(user);
    for (Connection c : all) {
      out.printf("  %s  %-24s %-9s %-10s owner %s%s%n", c.id(), quote(c.name()),
          c.method() == ConnectionMethod.SHARED ? "shared" : "personal", c.status(), c.ownerId(),
          c.shares().isEmpty() ? "" : "  shared with " + shares(c.shares()));
      ServerRegistration s = server(user, c.serverId());
      if (s != null) {
        out.println("      " + c.serverId() + " (" + s.auth() + (s.oauthClient() != null
            && s.oauthClient().scope() != null ? ", scope " + s.oauthClient().scope() : "") + ")");
      }
    }
    if (all.isEmpty()) {
      out.println("  (no connections)");
    }
  }

  /** Runs one item of the connection menu. */
  void menu(Principal user, List<String> w) throws IOException {
    if (w.size() < 3) {
      throw new IllegalArgumentException("usage: " + USAGE);
    }
    Connection c = find(user, w.get(2));
    switch (w.get(1)) {
      case "rename" -> {
        String name = String.join(" ", w.subList(Math.min(3, w.size()), w.size()));
        if (name.isBlank()) {
          throw new IllegalArgumentException("usage: connection rename ID|NAME NEW_NAME");
        }
        Connection renamed = gov.renameConnection(user, c.id(), name);
        out.println("connection " + renamed.id() + " renamed " + quote(renamed.name()));
      }
      case "share" -> {
        List<ConnectionShare> shares = parseShares(w.subList(3, w.size()));
        Connection shared = gov.shareConnection(user, c.id(), shares);
        out.println("connection " + quote(shared.name()) + " shared with "
            + (shared.shares().isEmpty() ? "nobody" : shares(shared.shares())));
      }
      case "reconnect" -> {
        ServerRegistration s = server(user, c.serverId());
        if (s != null && s.auth() == ServerRegistration.Auth.API_KEY) {
          out.println("connection " + quote(c.name()) + " takes an API key: api-key " + c.id()
              + " KEY");
        } else {
          URI url = gov.authorize(user, c.id());
          out.println("reconnect " + quote(c.name()) + ": open " + url);
          out.println("  then: callback " + c.id() + " URL");
        }
      }
      case "delete" -> {
        gov.deleteConnection(user, c.id());
        out.println("connection " + quote(c.name()) + " deleted");
      }
      default -> throw new IllegalArgumentException("usage: " + USAGE);
    }
  }

  /**
   * The newest {@code n} events of the log that {@code user} may see (every event for an admin,
   * with payloads; a user's own, without), of {@code agent} or of no agent (an admin's changes to
   * the registry and sharing), oldest first.
   */
  List<AuditEvent> log(Principal user, String agent, int n) throws IOException {
    List<AuditEvent> events = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 50 && events.size() < n; pages++) {
      Page<AuditEvent> page = gov.activity(user, AuditFilter.ALL, cursor, Page.MAX_LIMIT);
      for (AuditEvent e : page.items()) {
        if (events.size() < n && (e.agentId() == null || e.agentId().equals(agent))) {
          events.add(e);
        }
      }
      if (!page.hasMore()) {
        break;
      }
      cursor = page.nextCursor();
    }
    events.sort((a, b) -> a.time().compareTo(b.time()));
    return events;
  }

  /** The connection {@code ref} (an id or a name) among those {@code user} may see. */
  Connection find(Principal user, String ref) throws IOException {
    List<Connection> named = new ArrayList<>();
    for (Connection c : visible(user)) {
      if (c.id().equals(ref)) {
        return c;
      }
      if (c.name().equals(ref)) {
        named.add(c);
      }
    }
    if (named.isEmpty()) { // a server's id: the user's own connection to it
      for (Connection c : visible(user)) {
        if (c.serverId().equals(ref) && c.method() == ConnectionMethod.PER_USER
            && c.ownerId().equals(user.id())) {
          named.add(c);
        }
      }
    }
    if (named.size() != 1) {
      throw new IllegalArgumentException(named.isEmpty()
          ? "no connection '" + ref + "' that you may see (try: connections)"
          : "several connections are named '" + ref + "': use the id (see: connections)");
    }
    return named.get(0);
  }

  private List<Connection> visible(Principal user) throws IOException {
    List<Connection> all = new ArrayList<>();
    for (ServerRegistration s : gov.servers(user, null, Page.MAX_LIMIT).items()) {
      all.addAll(connections(user, s.id()));
    }
    return all;
  }

  private List<Connection> connections(Principal user, String serverId) throws IOException {
    return gov.connections(user, serverId, null, Page.MAX_LIMIT).items();
  }

  private ServerRegistration server(Principal user, String serverId) throws IOException {
    return gov.servers(user, null, Page.MAX_LIMIT).items().stream()
        .filter(s -> s.id().equals(serverId)).findFirst().orElse(null);
  }

  /** {@code team}, {@code user:ID} or {@code group:NAME}, each with {@code :manage} for more. */
  static List<ConnectionShare> parseShares(List<String> words) {
    List<ConnectionShare> shares = new ArrayList<>();
    for (String a : words) {
      boolean manage = a.endsWith(":manage");
      String who = manage ? a.substring(0, a.length() - 7) : a;
      ConnectionShare.Permission p = manage ? ConnectionShare.Permission.MANAGE
          : ConnectionShare.Permission.USE;
      if (who.equals("team")) {
        shares.add(ConnectionShare.team(p));
      } else if (who.startsWith("user:") && who.length() > 5) {
        shares.add(ConnectionShare.user(who.substring(5), p));
      } else if (who.startsWith("group:") && who.length() > 6) {
        shares.add(ConnectionShare.group(who.substring(6), p));
      } else {
        throw new IllegalArgumentException("share with team, user:ID or group:NAME (add :manage "
            + "to let them rename, reconnect and re-share), not '" + a + "'");
      }
    }
    return shares;
  }

  static String shares(List<ConnectionShare> shares) {
    return shares.stream().map(s -> (s.grantee() == ConnectionShare.Grantee.TEAM ? "team"
        : s.grantee().name().toLowerCase() + ":" + s.id()) + " (" + s.permission().name()
        .toLowerCase() + ")").collect(Collectors.joining(", "));
  }

  private static String quote(String name) {
    return "'" + name + "'";
  }
}
