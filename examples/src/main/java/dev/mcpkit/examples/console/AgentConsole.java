package dev.mcpkit.examples.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.Decision;
import dev.mcpkit.policy.GeneralAccess;
import dev.mcpkit.policy.GovernedTool;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands of the agent console, one method each, on an {@link McpGovernance}: what a host's
 * admin screens and chat UI would call. The acting user is switched with {@code as}; the agent
 * with {@code agent}. Every outcome of a governed call is printed the way a chat would show it.
 */
final class AgentConsole {
  static final String HELP = """
      users and agents
        user ID [--admin] [--workspace-admin] [--groups g1,g2]   add a user to the directory
        as ID                                   act as this user
        agent ID                                talk to this agent (default: assistant)
      admin: servers, sharing, connectors, permissions
        register ID URL [--name N] [--description D] [--transport streamable-http|sse]
                 [--api-key-header H | --oauth [--client-id C --client-secret S --scope S
                 --redirect-url U]] [--trusted]
        share SERVER [user:ID]... [group:NAME]... [--team]
        attach SERVER [--shared CONNECTION]     attach to the agent (per-user connections by default)
        permission SERVER TOOL always|approval|disabled
        confirm SERVER TOOL                     accept a tool's changed definition
        shared-connection SERVER NAME [team|user:ID|group:NAME]...   a service account
      connections
        api-key SERVER|CONNECTION KEY           connect your account (or a shared connection) with a key
        callback SERVER|CONNECTION URL          finish an OAuth connection with the callback URL
        skip SERVER                             not now: asked again on the next call
        connections [SERVER]                    the connections you may see: personal or shared,
                                                status, owner, who else may use them
        connection share ID|NAME [team|user:ID|group:NAME[:manage]]...   (none: unshare)
        connection reconnect ID|NAME            authorize again (OAuth) or say how (API key)
        connection rename ID|NAME NEW_NAME
        connection delete ID|NAME
      the agent at work
        tools                                   what the agent may offer you
        call [SERVER/]TOOL [JSON]               a governed tool call
        approve N | reject N [REASON]           decide on approval request N
        explain [SERVER/]TOOL                   why you can or cannot call it
        log [N] [--full]                        the agent's activity log and the admins' changes,
                                                newest last (users: their own, without payloads)
      help, quit
      """;

  private final McpGovernance gov;
  private final InMemoryDirectory directory;
  private final PrintStream out;
  private final Map<Integer, String> approvals = new LinkedHashMap<>();
  private final Set<String> sharedConnections = new HashSet<>();
  private final ConnectionCommands connections;
  private Principal user;
  private String agent = "assistant";

  AgentConsole(McpGovernance gov, InMemoryDirectory directory, Principal firstUser, PrintStream out) {
    this.gov = gov;
    this.directory = directory;
    this.user = firstUser;
    this.out = out;
    this.connections = new ConnectionCommands(gov, out);
  }

  String prompt() {
    return user.id() + "@" + agent + "> ";
  }

  /** Runs one line; returns false on {@code quit}. Errors are printed, never thrown. */
  boolean execute(String line) {
    List<String> w;
    try {
      w = Words.split(line);
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return true;
    }
    if (w.isEmpty()) {
      return true;
    }
    try {
      switch (w.get(0)) {
        case "quit", "exit" -> {
          return false;
        }
        case "help" -> out.print(HELP);
        case "user" -> addUser(w);
        case "as" -> actAs(arg(w, 1, "as ID"));
        case "agent" -> {
          agent = arg(w, 1, "agent ID");
          out.println("talking to agent " + agent);
        }
        case "register" -> register(w);
        case "share" -> share(w);
        case "attach" -> attach(w);
        case "permission" -> permission(w);
        case "confirm" -> {
          gov.confirmDefinition(user, agent, arg(w, 1, "confirm SERVER TOOL"),
              arg(w, 2, "confirm SERVER TOOL"));
          out.println("definition confirmed");
        }
        case "shared-connection" -> sharedConnection(w);
        case "api-key" -> connected(gov.saveApiKey(user,
            connection(arg(w, 1, "api-key SERVER|CONNECTION KEY")),
            arg(w, 2, "api-key SERVER|CONNECTION KEY")));
        case "callback" -> connected(gov.completeAuthorization(user,
            connection(arg(w, 1, "callback SERVER|CONNECTION URL")),
            URI.create(arg(w, 2, "callback SERVER|CONNECTION URL"))));
        case "skip" -> {
          gov.skipConnection(user, agent, arg(w, 1, "skip SERVER"));
          out.println("skipped: you will be asked again on your next call");
        }
        case "tools" -> tools();
        case "call" -> call(arg(w, 1, "call [SERVER/]TOOL [JSON]"), Words.after(line, 2));
        case "approve" -> show(gov.approve(approvalId(w), user));
        case "reject" -> {
          String id = approvalId(w);
          String reason = w.size() > 2 ? String.join(" ", w.subList(2, w.size())) : "rejected";
          gov.reject(id, user, reason);
          out.println("rejected: " + reason);
        }
        case "explain" -> explain(arg(w, 1, "explain [SERVER/]TOOL"));
        case "log" -> log(w);
        case "connections" -> connections.list(user, w.size() > 1 ? w.get(1) : null);
        case "connection" -> connections.menu(user, w);
        default -> out.println("unknown command '" + w.get(0) + "' (type help)");
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      out.println("error: " + e.getMessage());
    } catch (IOException e) {
      out.println("error: " + e.getMessage());
    } catch (RuntimeException e) { // PolicyDeniedException and the like: say it, keep going
      out.println("refused: " + e.getMessage());
    }
    return true;
  }

  private void addUser(List<String> w) {
    String id = arg(w, 1, "user ID [--admin] [--workspace-admin] [--groups g1,g2]");
    Set<String> groups = new HashSet<>();
    String g = option(w, "--groups");
    if (g != null) {
      groups.addAll(List.of(g.split(",")));
    }
    boolean admin = w.contains("--admin");
    directory.put(new Principal(id, groups, admin, admin || w.contains("--workspace-admin")));
    out.println("user " + id + (admin ? " (organization admin)" : "")
        + (groups.isEmpty() ? "" : " in " + String.join(", ", groups)));
  }

  private void actAs(String id) {
    Principal p = directory.find(id);
    if (p == null) {
      throw new IllegalArgumentException("no user '" + id + "' (add one with: user " + id + ")");
    }
    user = p;
    out.println("acting as " + id);
  }

  private void register(List<String> w) throws IOException {
    String usage = "register ID URL [options]";
    ServerRegistration.Builder b = ServerRegistration.builder(arg(w, 1, usage))
        .url(arg(w, 2, usage))
        .name(option(w, "--name") != null ? option(w, "--name") : arg(w, 1, usage))
        .description(option(w, "--description"))
        .trusted(w.contains("--trusted"))
        .transport("sse".equals(option(w, "--transport"))
            ? ServerRegistration.Transport.SSE : ServerRegistration.Transport.STREAMABLE_HTTP);
    String secret = null;
    if (option(w, "--api-key-header") != null) {
      b.apiKey(option(w, "--api-key-header"));
    } else if (option(w, "--client-id") != null) {
      String redirect = option(w, "--redirect-url");
      b.oauthClient(option(w, "--client-id"), option(w, "--scope"),
          redirect == null ? null : URI.create(redirect));
      secret = option(w, "--client-secret");
    } else {
      b.oauth();
    }
    ServerRegistration s = gov.registerServer(user, b.build(), secret);
    out.println("registered " + s.id() + ": " + s.name() + " at " + s.url() + " ("
        + s.transport() + ", " + s.auth() + ")");
  }

  private void share(List<String> w) throws IOException {
    String server = arg(w, 1, "share SERVER [user:ID]... [group:NAME]... [--team]");
    Set<String> users = new HashSet<>();
    Set<String> groups = new HashSet<>();
    for (String a : w.subList(2, w.size())) {
      if (a.startsWith("user:")) {
        users.add(a.substring(5));
      } else if (a.startsWith("group:")) {
        groups.add(a.substring(6));
      } else if (!a.equals("--team")) {
        throw new IllegalArgumentException("share takes user:ID, group:NAME or --team, not '" + a + "'");
      }
    }
    GeneralAccess access = w.contains("--team") ? GeneralAccess.TEAM : GeneralAccess.RESTRICTED;
    gov.share(user, server, new Sharing(users, groups, access));
    out.println("shared " + server + " (" + access.name().toLowerCase() + ") with users " + users
        + ", groups " + groups);
  }

  private void attach(List<String> w) throws IOException {
    String server = arg(w, 1, "attach SERVER [--shared CONNECTION]");
    String shared = option(w, "--shared");
    gov.attach(user, shared == null ? AgentConnector.perUser(agent, server)
        : AgentConnector.shared(agent, server, shared));
    out.println("attached " + server + " to " + agent + " ("
        + (shared == null ? "each user connects their own account" : "shared connection " + shared)
        + ")");
  }

  private void permission(List<String> w) throws IOException {
    String usage = "permission SERVER TOOL always|approval|disabled";
    ToolPermission p = switch (arg(w, 3, usage)) {
      case "always" -> ToolPermission.ALWAYS_ALLOW;
      case "approval" -> ToolPermission.NEEDS_APPROVAL;
      case "disabled" -> ToolPermission.DISABLED;
      default -> throw new IllegalArgumentException("usage: " + usage);
    };
    gov.setPermission(user, agent, arg(w, 1, usage), arg(w, 2, usage), p);
    out.println(arg(w, 1, usage) + "/" + arg(w, 2, usage) + ": " + p);
  }

  private void sharedConnection(List<String> w) throws IOException {
    String usage = "shared-connection SERVER NAME [team|user:ID|group:NAME]...";
    List<ConnectionShare> shares = ConnectionCommands.parseShares(
        w.subList(Math.min(3, w.size()), w.size()));
    Connection c = gov.openSharedConnection(user, arg(w, 1, usage), arg(w, 2, usage), shares);
    sharedConnections.add(c.id());
    out.println("shared connection " + c.id() + " (" + c.name() + "), " + c.status()
        + ": connect it with 'api-key " + c.id() + " KEY' or an OAuth callback");
  }

  private void connected(Connection c) {
    out.println("connection " + c.id() + " to " + c.serverId() + ": " + c.status());
  }

  private void tools() throws IOException {
    var offer = gov.listTools(user, agent);
    for (GovernedTool t : offer.tools()) {
      out.printf("  %s/%s  [%s]  %s%n", t.serverId(), t.tool().name(), t.permission(),
          t.tool().description() == null ? "" : t.tool().description());
    }
    offer.connectionsNeeded().forEach(c -> show(c));
    offer.unavailable().forEach((s, why) -> out.println("  " + s + " unavailable: " + why));
    if (offer.tools().isEmpty()) {
      out.println("  (no tools)");
    }
  }

  private void call(String target, String json) throws IOException {
    String[] st = resolve(target);
    ObjectNode args = json.isEmpty() ? McpJson.mapper().createObjectNode()
        : (ObjectNode) parseObject(json);
    show(gov.invoke(user, agent, st[0], st[1], args));
  }

  private void explain(String target) throws IOException {
    String[] st = resolve(target);
    Decision d = gov.explain(user, agent, st[0], st[1]);
    out.println((d.allowed() ? "allowed" : "not allowed") + ": " + d.reason());
    for (Decision.Check c : d.checks()) {
      out.printf("  %s %-18s %s%n", c.passed() ? "ok  " : "FAIL", c.rule(), c.detail());
    }
  }

  private void log(List<String> w) throws IOException {
    int n = w.size() > 1 && w.get(1).matches("\\d+") ? Integer.parseInt(w.get(1)) : 20;
    boolean full = w.contains("--full");
    List<AuditEvent> events = connections.log(user, agent, n);
    for (AuditEvent e : events) {
      String target = e.serverId() == null ? "-"
          : e.tool() == null ? e.serverId() : e.serverId() + "/" + e.tool();
      out.printf("%s %-18s %-8s %-24s %s%n", e.time(), e.type(), e.principalId(), target,
          e.outcome());
      if (e.input() != null) {
        out.println("    input:  " + clip(e.input().toString(), full));
      }
      if (e.result() != null) {
        out.println("    result: " + clip(e.result().toString(), full));
      }
      if (e.error() != null) {
        out.println("    error:  " + e.error());
      }
      if (e.detail() != null) {
        out.println("    detail: " + e.detail());
      }
    }
  }

  /** Numbers an approval request left pending by an earlier run (kept in PostgreSQL). */
  void pendingFromEarlier(ApprovalRequest a) {
    int n = approvals.size() + 1;
    approvals.put(n, a.id());
    out.println("approval " + n + " pending since " + a.createdAt() + ": " + a.principalId() + " "
        + a.serverId() + "/" + a.tool() + " " + a.arguments());
  }

  /** Prints an outcome the way a chat would show it. */
  void show(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Completed c) {
      out.println((Boolean.TRUE.equals(c.result().isError()) ? "tool error" : "result")
          + " (" + c.duration().toMillis() + " ms):");
      for (var block : c.result().content()) {
        JsonNode json = McpJson.toTree(block);
        out.println("  " + json.path("text").asText(json.toString()).replace("\n", "\n  "));
      }
    } else if (outcome instanceof CallOutcome.ApprovalRequired a) {
      int n = approvals.size() + 1;
      approvals.put(n, a.approvalId());
      out.println("approval " + n + " needed: " + a.serverId() + "/" + a.tool() + " "
          + a.arguments() + " (approvers: " + a.approvers() + "; expires " + a.expiresAt() + ")");
      out.println("  approve " + n + "  |  reject " + n + " \"reason\"");
    } else if (outcome instanceof CallOutcome.ConnectionRequired r) {
      out.println("connect your account to " + r.serverName() + " (connection "
          + r.connectionId() + ")");
      out.println(r.authorizationUrl() != null
          ? "  open " + r.authorizationUrl() + "\n  then: callback " + r.serverId() + " URL"
          : "  this server takes an API key: api-key " + r.serverId() + " KEY");
      out.println("  or: skip " + r.serverId());
    } else if (outcome instanceof CallOutcome.Denied d) {
      out.println("denied (" + d.rule() + "): " + d.reason());
    } else if (outcome instanceof CallOutcome.Failed f) {
      out.println("failed: " + f.reason());
    }
  }

  private String[] resolve(String target) throws IOException {
    int slash = target.indexOf('/');
    if (slash > 0) {
      return new String[] {target.substring(0, slash), target.substring(slash + 1)};
    }
    List<String> servers = new ArrayList<>();
    for (GovernedTool t : gov.listTools(user, agent).tools()) {
      if (t.tool().name().equals(target)) {
        servers.add(t.serverId());
      }
    }
    if (servers.size() != 1) {
      throw new IllegalArgumentException(servers.isEmpty()
          ? "no tool '" + target + "' on agent " + agent + " for you (try: tools, or SERVER/" + target + ")"
          : "several servers offer '" + target + "': say which, e.g. " + servers.get(0) + "/" + target);
    }
    return new String[] {servers.get(0), target};
  }

  /**
   * A shared connection's id as printed, a server id (then the user's own connection to it), or the
   * id or name of a connection the user may see.
   */
  private String connection(String target) throws IOException {
    if (sharedConnections.contains(target) || gov.servers(user, null, Page.MAX_LIMIT).items()
        .stream().noneMatch(s -> s.id().equals(target))) {
      return sharedConnections.contains(target) ? target : connections.find(user, target).id();
    }
    return gov.openConnection(user, target).id();
  }

  private String approvalId(List<String> w) {
    String n = arg(w, 1, w.get(0) + " N");
    String id = n.matches("\\d+") ? approvals.get(Integer.parseInt(n)) : n;
    if (id == null) {
      throw new IllegalArgumentException("no approval request " + n);
    }
    return id;
  }

  private static JsonNode parseObject(String json) {
    try {
      JsonNode node = McpJson.mapper().readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("arguments must be a JSON object, like {\"query\": \"x\"}");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("arguments are not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String clip(String s, boolean full) {
    return full || s.length() <= 300 ? s : s.substring(0, 300) + "… (log N --full shows all)";
  }

  private static String arg(List<String> w, int i, String usage) {
    if (w.size() <= i || w.get(i).startsWith("--")) {
      throw new IllegalArgumentException("usage: " + usage);
    }
    return w.get(i);
  }

  private static String option(List<String> w, String name) {
    int i = w.indexOf(name);
    return i < 0 || i + 1 >= w.size() ? null : w.get(i + 1);
  }
}
