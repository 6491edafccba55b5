package dev.mcpkit.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static dev.mcpkit.client.ResultText.names;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.StructuredResult;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our client against a session server written with the TypeScript SDK. */
class TypeScriptSdkInteropTest {
  record Operands(double a, double b) {}

  record Sum(double sum) {}

  private static NodePeer server;

  @BeforeAll
  static void start() throws Exception {
    NodePeer.node();
    Path script = Files.createTempFile("ts-sdk-server", ".cjs");
    try (var in = TypeScriptSdkInteropTest.class.getResourceAsStream("/interop/ts-sdk-server.cjs")) {
      Files.write(script, in.readAllBytes());
    }
    server = NodePeer.start(Map.of(), script.toString(), "{port}");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private McpClient connect() throws Exception {
    return McpClient.builder().transport(ClientTransport.http(server.url("/mcp"))).connect();
  }

  @Test
  void callsToolsWithStructuredContentProgressAndToolErrors() throws Exception {
    try (McpClient client = connect()) {
      assertThat(client.protocolVersion().id()).isEqualTo("2025-11-25");
      assertThat(names(client.listTools())).contains("add", "count", "fail");
      StructuredResult<Sum> sum = client.callTool("add", new Operands(2, 3), Sum.class);
      assertThat(sum.value()).isEqualTo(new Sum(5));
      assertThat(sum.isError()).isFalse();
      List<Double> progress = new CopyOnWriteArrayList<>();
      client.callTool(new CallToolParams("count", (ObjectNode) McpJson.toTree(Map.of("n", 3))),
          RequestOptions.DEFAULT.withProgress((p, total, message) -> progress.add(p), false));
      assertThat(progress).containsExactly(1.0, 2.0, 3.0);
      StructuredResult<Sum> failed = client.callTool("fail", Map.of(), Sum.class);
      assertThat(failed.isError()).isTrue();
      assertThat(failed.value()).isNull();
      assertThatThrownBy(() -> client.getPrompt("none", Map.of()))
          .isInstanceOf(McpProtocolException.class);
    }
  }

  @Test
  void expiredSessionIsReinitializedTransparently() throws Exception {
    try (McpClient client = connect()) {
      String first = client.sessionId();
      client.callTool("forget-sessions", Map.of());
      assertThat(client.callTool("add", new Operands(1, 1), Sum.class).value().sum()).isEqualTo(2);
      assertThat(client.sessionId()).isNotEqualTo(first);
    }
  }
}
