package dev.mcpkit.benchmarks;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.TaskOptions;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.internal.http.McpHttpHandler;
import dev.mcpkit.server.spi.TaskStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * What running a tool as a task costs on the 2026-07-28 path, bytes in to bytes out on an
 * in-memory exchange: the same trivial tool called directly, and called as a task (the answer is
 * the task handle: a record saved in the in-memory store and the handler started on its own
 * thread). Tasks expire after 1 s so the store stays small.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class TaskDispatchBenchmark {
  private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
      + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":{"
      + "\"io.modelcontextprotocol/tasks\":{}}}}";
  private McpHttpHandler http;
  private Map<String, String> directHeaders;
  private Map<String, String> taskHeaders;
  private byte[] directBody;
  private byte[] taskBody;

  @Setup(Level.Trial)
  public void setUp() {
    McpServer server = McpServer.builder().name("bench").version("1")
        .tasks(TaskOptions.builder().ttl(Duration.ofSeconds(1)).maxTtl(Duration.ofSeconds(1))
            .maxActivePerOwner(100_000).maxActive(100_000).store(TaskStore.inMemory(2_000_000))
            .build())
        .tool(ToolDefinition.builder("direct").description("Answers at once")
            .handler((args, ctx) -> CallToolResult.text("done")).build())
        .tool(ToolDefinition.builder("as_task").description("Answers at once, as a task")
            .taskSupport(TaskSupport.REQUIRED)
            .handler((args, ctx) -> CallToolResult.text("done")).build())
        .build();
    http = new McpHttpHandler(McpHttpOptions.defaults(), List.of(McpEndpoint.at("/mcp", server)));
    directHeaders = headers("direct");
    taskHeaders = headers("as_task");
    directBody = body("direct");
    taskBody = body("as_task");
    check(directCall(), "\"done\"");
    check(taskCall(), "\"resultType\":\"task\"");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    http.shutdown(Duration.ZERO);
  }

  /** The tool called directly. */
  @Benchmark
  public FakeHttpCall directCall() {
    FakeHttpCall call = new FakeHttpCall(directHeaders, directBody);
    http.handle(call);
    return call;
  }

  /** The same tool as a task: answered with the handle once the task is stored and started. */
  @Benchmark
  public FakeHttpCall taskCall() {
    FakeHttpCall call = new FakeHttpCall(taskHeaders, taskBody);
    http.handle(call);
    return call;
  }

  private static Map<String, String> headers(String tool) {
    return Map.of("Content-Type", "application/json",
        "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2026-07-28",
        "Mcp-Method", "tools/call", "Mcp-Name", tool);
  }

  private static byte[] body(String tool) {
    return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool + "\",\"arguments\":{}," + META + "}}").getBytes(StandardCharsets.UTF_8);
  }

  private static void check(FakeHttpCall call, String expected) {
    String answer = call.response.toString(StandardCharsets.UTF_8);
    if (call.status != 200 || !answer.contains(expected)) {
      throw new IllegalStateException("unexpected answer " + call.status + ": " + answer);
    }
  }
}
