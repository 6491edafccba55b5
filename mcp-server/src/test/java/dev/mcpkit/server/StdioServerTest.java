package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.server.stdio.StdioServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StdioServerTest {
  private OutputStream toServer;
  private final BlockingQueue<String> fromServer = new LinkedBlockingQueue<>();
  private StdioServer stdio;

  /** Collects the server's output lines (pipes break when a writing thread ends). */
  private final class Lines extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        fromServer.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }
  }

  @BeforeEach
  void start() throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new PipedOutputStream(serverIn);
    stdio = StdioServer.start(TestTools.server().build(), serverIn, new Lines());
  }

  @AfterEach
  void stop() throws IOException {
    toServer.close();
    stdio.close();
  }

  private JsonNode exchange(String line) throws IOException, InterruptedException {
    toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
    return RawClient.json(fromServer.take());
  }

  @Test
  void initializeThenCallAToolOverLines() throws Exception {
    JsonNode init = exchange("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
        + "\"version\":\"1\"}}}");
    toServer.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
        .getBytes(StandardCharsets.UTF_8));
    JsonNode call = exchange("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"times\":1}}}");

    assertThat(init.path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
    assertThat(call.path("result").path("content").get(0).path("text").asText()).isEqualTo("hi");
  }

  @Test
  void malformedLineGetsAParseErrorAndTheServerGoesOn() throws Exception {
    JsonNode error = exchange("{not json");
    JsonNode ping = exchange("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");

    assertThat(error.path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(ping.path("result").isObject()).isTrue();
  }

  @Test
  void statelessDiscoverWorksOverStdio() throws Exception {
    JsonNode discover = exchange("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\","
        + "\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
    JsonNode removed = exchange("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":"
        + "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");

    assertThat(discover.path("result").path("supportedVersions").toString()).contains("2026-07-28");
    assertThat(removed.path("error").path("code").asInt()).isEqualTo(-32601);
  }
}
