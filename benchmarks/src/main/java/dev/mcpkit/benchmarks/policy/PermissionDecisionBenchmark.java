package dev.mcpkit.benchmarks.policy;

import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.Decision;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.spi.InMemoryAuditLog;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One permission decision of mcp-policy ({@link McpGovernance#decide}: directory lookup, registry,
 * sharing, connector, tool rule) with a directory of 10,000 users in 1,000 groups and 100 servers of
 * 50 tools each, all attached to one agent. Each invocation decides for another (user, server, tool)
 * drawn from a fixed random sequence; about half of the users may use a given server. SampleTime
 * gives the distribution (read p50 from the output).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class PermissionDecisionBenchmark {
  static final int USERS = 10_000;
  static final int GROUPS = 1_000;
  static final int SERVERS = 100;
  static final int TOOLS = 50;
  static final int SEQUENCE = 1 << 16;

  McpGovernance governance;
  Principal[] principals;
  String[] servers;
  String[] tools;
  int[] who;
  int[] where;
  int[] which;
  int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Random random = new Random(42);
    InMemoryDirectory directory = new InMemoryDirectory();
    Principal admin = Principal.admin("admin");
    directory.put(admin);
    principals = new Principal[USERS];
    for (int u = 0; u < USERS; u++) {
      Set<String> groups = new HashSet<>();
      while (groups.size() < 5) {
        groups.add("group-" + random.nextInt(GROUPS));
      }
      principals[u] = new Principal("user-" + u, groups, false, false);
      directory.put(principals[u]);
    }
    governance = McpGovernance.builder()
        .directory(directory)
        .audit(new InMemoryAuditLog(100, false), null)
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .build();
    servers = new String[SERVERS];
    tools = new String[TOOLS];
    for (int t = 0; t < TOOLS; t++) {
      tools[t] = "tool_" + t;
    }
    ToolPermission[] permissions = ToolPermission.values();
    for (int s = 0; s < SERVERS; s++) {
      servers[s] = "server-" + s;
      governance.registerServer(admin, ServerRegistration.builder(servers[s]).name("Server " + s)
          .url("https://s" + s + ".example/mcp").apiKey(null).build());
      Set<String> shared = new HashSet<>();
      while (shared.size() < 130) {
        shared.add("group-" + random.nextInt(GROUPS));
      }
      governance.share(admin, servers[s], new Sharing(Set.of("user-" + s), shared,
          dev.mcpkit.policy.GeneralAccess.RESTRICTED));
      governance.attach(admin, AgentConnector.perUser("agent", servers[s]));
      for (int t = 0; t < TOOLS; t++) {
        governance.setPermission(admin, "agent", servers[s], tools[t],
            permissions[random.nextInt(permissions.length)]);
      }
    }
    who = new int[SEQUENCE];
    where = new int[SEQUENCE];
    which = new int[SEQUENCE];
    int allowed = 0;
    for (int i = 0; i < SEQUENCE; i++) {
      who[i] = random.nextInt(USERS);
      where[i] = random.nextInt(SERVERS);
      which[i] = random.nextInt(TOOLS);
    }
    for (int i = 0; i < 1000; i++) {
      allowed += decide().allowed() ? 1 : 0;
    }
    System.out.println("\n# allowed in a sample of 1000 decisions: " + allowed);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    governance.close();
  }

  @Benchmark
  public Decision decide() throws Exception {
    int i = next++ & (SEQUENCE - 1);
    return governance.decide(principals[who[i]], "agent", servers[where[i]], tools[which[i]]);
  }

  @Benchmark
  public Decision explain() throws Exception {
    int i = next++ & (SEQUENCE - 1);
    return governance.explain(principals[who[i]], "agent", servers[where[i]], tools[which[i]]);
  }
}
