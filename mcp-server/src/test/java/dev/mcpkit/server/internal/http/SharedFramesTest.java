package dev.mcpkit.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broadcast encodes its notification once and hands every stream the same bytes. */
class SharedFramesTest {

  @Test
  void aParamlessNotificationIsEncodedOncePerMethod() {
    byte[] first = SharedFrames.encode(
        new JsonRpcNotification("notifications/tools/list_changed", null));
    byte[] second = SharedFrames.encode(
        new JsonRpcNotification("notifications/tools/list_changed", null));

    assertThat(second).isSameAs(first);
    assertThat(new String(first, StandardCharsets.UTF_8))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}");
  }

  @Test
  void everyStreamOfABroadcastGetsTheSameEventBytesAndItsOwnIdLine() throws Exception {
    byte[] data = SharedFrames.encode(
        new JsonRpcNotification("notifications/prompts/list_changed", null));
    List<RecordingCall> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordingCall call = new RecordingCall();
      calls.add(call);
      SseChannel channel = SseChannel.open(call, 1 << 20);
      call.writes.clear(); // the headers' flush
      assertThat(channel.send(i == 0 ? null : "e" + i, "message", data, 0)).isTrue();
    }

    byte[] shared = calls.get(0).writes.get(0);
    assertThat(calls.get(0).writes).hasSize(1);
    assertThat(calls.get(1).writes).hasSize(2);
    assertThat(calls.get(1).writes.get(1)).isSameAs(shared);
    assertThat(calls.get(2).writes.get(1)).isSameAs(shared);
    assertThat(calls.get(2).text()).isEqualTo("id: e2\nevent: message\ndata: "
        + new String(data, StandardCharsets.UTF_8) + "\n\n");
  }

  @Test
  void aListenStreamsChangeNoticeBuiltFromBytesIsWhatTheEncoderWouldWrite() throws Exception {
    for (Object id : new Object[] {7L, "sub-\"1\"", new java.math.BigDecimal("1.50")}) {
      com.fasterxml.jackson.databind.node.ObjectNode meta = dev.mcpkit.core.json.McpJson.object();
      meta.set(ListenStream.SUBSCRIPTION_ID,
          dev.mcpkit.core.json.McpJson.mapper().valueToTree(id));
      com.fasterxml.jackson.databind.node.ObjectNode params = dev.mcpkit.core.json.McpJson.object();
      params.set("_meta", meta);
      byte[] expected = dev.mcpkit.core.jsonrpc.JsonRpcCodec.instance().encode(
          new JsonRpcNotification("notifications/tools/list_changed", params));

      byte[] built = ListenStream.listChanged("tools",
          dev.mcpkit.core.json.McpJson.mapper().writeValueAsBytes(meta));

      assertThat(new String(built, StandardCharsets.UTF_8))
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }
  }
}
