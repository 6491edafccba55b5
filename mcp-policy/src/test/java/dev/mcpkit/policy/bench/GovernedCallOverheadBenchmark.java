package dev.mcpkit.policy.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.ApiKeyAuth;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.spi.InMemoryAuditLog;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.time.Duration;
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
 * What governance adds to a tool call: the same {@code echo} call on an mcp-server over loopback
 * HTTP with API-key authentication (mcp-auth's interceptor in both), once straight through mcp-client
 * and once through
 * {@link McpGovernance#invoke} (permission check, two audit events with redaction, the same kind of
 * client underneath). Lives in mcp-policy's tests because it needs mcp-server; run it with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main GovernedCallOverheadBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class GovernedCallOverheadBenchmark {
  McpHttpServer http;
  McpClient direct;
  McpGovernance governance;
  Principal alice = Principal.user("alice");
  ObjectNode arguments = JsonNodeFactory.instance.objectNode().put("message", "hello");

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    McpServer server = McpServer.builder().name("echo").version("1")
        .tool(ToolDefinition.builder("echo").description("Echoes the message")
            .handler((args, ctx) -> CallToolResult.text(args.path("message").asText()))
            .build())
        .build();
    ApiKeyAuthenticator keys = ApiKeyAuthenticator.builder().build();
    http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.builder(server).path("/mcp").authenticator(keys).build()).start();

    // the direct client authenticates the same way the governed one does (mcp-auth's encrypted
    // API key and its interceptor), so the difference is what governance adds
    SecretCipher cipher = SecretCipher.aesGcm(KeySource.of("k", new byte[32]));
    ApiKeyAuth apiKeys = new ApiKeyAuth(new InMemoryTokenStore(), cipher);
    apiKeys.save(TokenOwner.user("direct"), http.url(), keys.issue("direct", Set.of()).key(),
        ApiKeyAuth.Header.xApiKey());
    direct = McpClient.builder().transport(ClientTransport.streamableHttp(http.url().toString()))
        .addHttpInterceptor(apiKeys.interceptor(TokenOwner.user("direct"), http.url())).connect();

    Principal admin = Principal.admin("admin");
    governance = McpGovernance.builder()
        .directory(new InMemoryDirectory().put(admin).put(alice))
        .audit(new InMemoryAuditLog(10_000, false), null)
        .cipher(cipher)
        .toolListTtl(Duration.ofHours(1))
        .build();
    governance.registerServer(admin, ServerRegistration.builder("echo").name("Echo")
        .url(http.url()).apiKey(null).build());
    governance.share(admin, "echo", Sharing.withUsers("alice"));
    governance.attach(admin, AgentConnector.perUser("agent", "echo"));
    governance.setPermission(admin, "agent", "echo", "echo", ToolPermission.ALWAYS_ALLOW);
    Connection c = governance.openConnection(alice, "echo");
    governance.saveApiKey(alice, c.id(), keys.issue("alice", Set.of()).key());
    if (!(governed() instanceof CallOutcome.Completed)) {
      throw new IllegalStateException("the governed call did not complete: " + governed());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    governance.close();
    direct.close();
    http.close();
  }

  @Benchmark
  public CallToolResult direct() throws Exception {
    return direct.callTool("echo", arguments);
  }

  @Benchmark
  public CallOutcome governed() {
    return governance.invoke(alice, "agent", "echo", "echo", arguments);
  }
}
