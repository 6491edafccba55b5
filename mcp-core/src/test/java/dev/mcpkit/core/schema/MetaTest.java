package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import org.junit.jupiter.api.Test;

class MetaTest {

  @Test
  void requestKeysAreWrittenBesideOtherKeysAndReadBack() {
    Meta.Request request = new Meta.Request("2026-07-28", Samples.clientCapabilities(),
        new Implementation("ExampleClient", "1.0.0"), Logging.LoggingLevel.WARNING,
        TextNode.valueOf("tok"));

    ObjectNode meta = request.writeTo(json("{\"com.example/trace\": \"t-1\"}"));

    assertThat(meta.get("com.example/trace").asText()).isEqualTo("t-1");
    assertThat(meta.get(Meta.LOG_LEVEL).asText()).isEqualTo("warning");
    assertThat(meta.get(Meta.PROGRESS_TOKEN).asText()).isEqualTo("tok");
    assertThat(Meta.Request.read(meta)).isEqualTo(request);
  }

  @Test
  void theOfficialExampleMetaReads() {
    ObjectNode meta = json("""
        {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
         "io.modelcontextprotocol/clientInfo": {"name": "ExampleClient", "version": "1.0.0"},
         "io.modelcontextprotocol/clientCapabilities": {}}""");

    Meta.Request request = Meta.Request.read(meta);

    assertThat(request.protocolVersion()).isEqualTo("2026-07-28");
    assertThat(request.clientInfo()).isEqualTo(new Implementation("ExampleClient", "1.0.0"));
    assertThat(request.clientCapabilities()).isEqualTo(Lifecycle.ClientCapabilities.NONE);
    assertThat(request.logLevel()).isNull();
    assertThat(Meta.Request.of(ProtocolVersion.V2026_07_28, Lifecycle.ClientCapabilities.NONE)
        .toMeta()).isEqualTo(json("""
            {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
             "io.modelcontextprotocol/clientCapabilities": {}}"""));
  }

  @Test
  void absentMetaReadsAsAllAbsent() {
    assertThat(Meta.Request.read(null)).isEqualTo(new Meta.Request(null, null, null, null, null));
  }

  @Test
  void aMalformedKeyIsNamedInTheError() {
    assertThatThrownBy(() -> Meta.Request.read(json("{\"" + Meta.LOG_LEVEL + "\": \"loud\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Meta.LOG_LEVEL)
        .hasMessageContaining("loud");
    assertThatThrownBy(() -> Meta.Request.read(json("{\"" + Meta.PROTOCOL_VERSION + "\": 2026}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Meta.PROTOCOL_VERSION);
  }

  @Test
  void serverInfoTravelsInResultMeta() {
    Implementation server = new Implementation("ExampleServer", "1.0.0");

    ObjectNode meta = Meta.withServerInfo(null, server);

    assertThat(Meta.serverInfo(meta)).isEqualTo(server);
    assertThat(Meta.serverInfo(null)).isNull();
  }

  @Test
  void aTasksCapabilitySaysWhichRequestsMayBecomeTasks() {
    Lifecycle.TasksCapability tasks = Samples.serverCapabilities().tasks();

    assertThat(tasks.supports(Methods.TOOLS_CALL)).isTrue();
    assertThat(tasks.supports(Methods.SAMPLING_CREATE_MESSAGE)).isFalse();
    assertThat(Samples.clientCapabilities().tasks().supports(Methods.SAMPLING_CREATE_MESSAGE))
        .isTrue();
  }
}
