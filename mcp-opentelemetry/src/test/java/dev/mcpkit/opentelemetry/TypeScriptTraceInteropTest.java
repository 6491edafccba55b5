package dev.mcpkit.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Traces across the official TypeScript SDK (interop/node_modules, Node 22; skipped without them).
 * That SDK has no tracing of its own: it neither puts trace context into {@code _meta} nor reads it,
 * but it carries {@code _meta} through both ways, so an instrumented TypeScript handler or caller can.
 */
class TypeScriptTraceInteropTest {
  final Telemetry otel = new Telemetry();
  Process node;
  McpHttpServer http;

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.destroy();
      if (!node.waitFor(5, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    }
    if (http != null) {
      http.close();
    }
    otel.close();
  }

  @Test
  void ourClientsTraceContextReachesATypeScriptToolHandlerInMeta() throws Exception {
    Path nodeBin = nodeOrSkip();
    int port = freePort();
    ProcessBuilder pb = new ProcessBuilder(nodeBin.toString(),
        script("ts-trace-server.cjs").toString(), Integer.toString(port)).redirectErrorStream(true)
        .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "ts-trace-" + port + ".log"));
    pb.environment().put("NODE_PATH", interop().resolve("node_modules").toString());
    node = pb.start();
    awaitListening(port);
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    String seen;
    try (McpClient client = telemetry.instrument(McpClient.builder().transport(
        ClientTransport.http("http://127.0.0.1:" + port + "/mcp"))).connect()) {
      CallToolResult result = client.callTool("meta", Map.of());
      seen = ((Content.Text) result.content().get(0)).text();
    }
    SpanData span = otel.span("tools/call meta", SpanKind.CLIENT);
    JsonNode meta = McpJson.mapper().readTree(seen);
    assertThat(meta.path("traceparent").asText()) // flags: sampled (and random trace id)
        .matches("00-" + span.getTraceId() + "-" + span.getSpanId() + "-0[13]");
  }

  @Test
  void aTypeScriptClientsCallIsTracedAndContinuesATraceItPutIntoMeta() throws Exception {
    Path nodeBin = nodeOrSkip();
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    McpServer server = telemetry.instrument(McpServer.builder().name("weather").version("1"))
        .tool(ToolDefinition.builder("weather").description("Weather by city")
            .handler((args, ctx) -> CallToolResult.text("sunny in " + args.path("city").asText()))
            .build())
        .build();
    http = McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server)).start();
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    Process p = new ProcessBuilder(nodeBin.toString(), script("ts-trace-client.mjs").toString(),
        interop().toString(), http.url().toString(), traceparent).redirectErrorStream(false)
        .start();
    node = p;
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(),
        StandardCharsets.UTF_8)).isZero();
    JsonNode seen = McpJson.mapper().readTree(out);
    assertThat(seen.path("traced").asText()).isEqualTo("sunny in Oslo");

    List<SpanData> calls = otel.spans().stream()
        .filter(s -> s.getName().equals("tools/call weather")).toList();
    assertThat(calls).hasSize(2).allMatch(s -> s.getKind() == SpanKind.SERVER);
    assertThat(calls.get(0).getParentSpanContext().isValid()).isFalse(); // the SDK sent none
    assertThat(calls.get(1).getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(calls.get(1).getParentSpanId()).isEqualTo("b7ad6b7169203331");
  }

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    return Files.exists(dir.resolve("interop")) ? dir : dir.getParent();
  }

  private static Path interop() {
    String env = System.getenv("MCPKIT_INTEROP");
    return env != null ? Path.of(env) : root().resolve("interop");
  }

  private static Path nodeOrSkip() {
    String env = System.getenv("MCPKIT_NODE22");
    Path node = env != null ? Path.of(env) : root().resolve(".ci/.node/current/bin/node");
    assumeTrue(Files.isExecutable(node)
        && Files.isDirectory(interop().resolve("node_modules/@modelcontextprotocol/sdk")),
        "interop tests skipped: Node 22 (" + node + ") or interop/node_modules is missing; run "
            + ".ci/setup-node to install them");
    return node;
  }

  private Path script(String name) throws IOException {
    Path dir = Files.createTempDirectory("ts-trace");
    Path script = dir.resolve(name);
    try (var in = getClass().getResourceAsStream("/interop/" + name)) {
      Files.write(script, in.readAllBytes());
    }
    return script;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void awaitListening(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      assertThat(node.isAlive()).as("the node peer exited").isTrue();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        node.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new AssertionError("the node peer did not listen on " + port);
  }
}
