package dev.mcpkit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.benchmarks.load.EchoServer;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.http.McpHttpHandler;
import java.nio.charset.StandardCharsets;
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
 * Dispatching a {@code tools/call}: the bare protocol engine with one handler, and the whole server
 * path behind HTTP (routing, header checks, session lookup, argument validation, the echo tool,
 * encoding the answer) on an in-memory exchange, for a session and for a 2026-07-28 request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class EngineDispatchBenchmark {
  private ProtocolEngine engine;
  private JsonRpcRequest request;
  private McpHttpHandler http;
  private Map<String, String> sessionHeaders;
  private byte[] sessionBody;
  private Map<String, String> statelessHeaders;
  private byte[] statelessBody;

  @Setup(Level.Trial)
  public void setUp() {
    engine = ProtocolEngine.builder()
        .name("bench")
        .handlers(MethodHandlers.builder()
            .onRequest("tools/call", (context, params) -> {
              ObjectNode text = McpJson.object();
              text.put("type", "text");
              text.put("text", params.get("arguments").get("message").asText());
              ObjectNode result = McpJson.object();
              result.putArray("content").add(text);
              return result;
            })
            .build())
        .outbound((message, related) -> { })
        .build();
    ObjectNode params = McpJson.object();
    params.put("name", "echo");
    params.putObject("arguments").put("message", "hello, world");
    request = new JsonRpcRequest(RequestId.of(7), "tools/call", params);

    http = new McpHttpHandler(McpHttpOptions.defaults(),
        List.of(McpEndpoint.at("/mcp", EchoServer.echoServer())));
    FakeHttpCall init = new FakeHttpCall(Map.of("Content-Type", "application/json",
        "Accept", "application/json, text/event-stream"), bytes("{\"jsonrpc\":\"2.0\",\"id\":0,"
        + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"));
    http.handle(init);
    String session = init.responseHeaders.get("Mcp-Session-Id");
    sessionHeaders = Map.of("Content-Type", "application/json",
        "Accept", "application/json, text/event-stream", "Mcp-Session-Id", session,
        "MCP-Protocol-Version", "2025-11-25");
    http.handle(new FakeHttpCall(sessionHeaders,
        bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")));
    sessionBody = bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"message\":\"hello, world\"}}}");
    statelessHeaders = Map.of("Content-Type", "application/json",
        "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2026-07-28",
        "Mcp-Method", "tools/call", "Mcp-Name", "echo");
    statelessBody = bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"message\":\"hello, world\"},\"_meta\":{"
        + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
    check(sessionToolsCallOverHttp());
    check(statelessToolsCallOverHttp());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
    http.shutdown(java.time.Duration.ZERO);
  }

  /** The engine alone: look up the handler, run it, wrap the answer. */
  @Benchmark
  public JsonRpcResponse engineHandle() {
    return engine.handle(request, new Attributes());
  }

  /** A session's tools/call through the whole server, bytes in to bytes out. */
  @Benchmark
  public FakeHttpCall sessionToolsCallOverHttp() {
    FakeHttpCall call = new FakeHttpCall(sessionHeaders, sessionBody);
    http.handle(call);
    return call;
  }

  /** A 2026-07-28 tools/call through the whole server, bytes in to bytes out. */
  @Benchmark
  public FakeHttpCall statelessToolsCallOverHttp() {
    FakeHttpCall call = new FakeHttpCall(statelessHeaders, statelessBody);
    http.handle(call);
    return call;
  }

  private static void check(FakeHttpCall call) {
    String answer = call.response.toString(StandardCharsets.UTF_8);
    if (call.status != 200 || !answer.contains("hello, world")) {
      throw new IllegalStateException("unexpected answer " + call.status + ": " + answer);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
