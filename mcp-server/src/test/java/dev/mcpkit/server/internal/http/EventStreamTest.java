package dev.mcpkit.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.server.spi.EventStore;
import org.junit.jupiter.api.Test;

/**
 * A session's GET stream between its headers leaving and its connection being attached: the client
 * may act on the headers at once, so what the session sends in between must wait, not vanish.
 */
class EventStreamTest {

  private static JsonRpcNotification changed(String what) {
    return new JsonRpcNotification("notifications/" + what + "/list_changed", null);
  }

  @Test
  void whatIsSentWhileTheConnectionIsOnItsWayArrivesFirstOnceItIsAttached() throws Exception {
    EventStream stream = new EventStream("s1", 'g', 1, null, false, 0);
    assertThat(stream.connect()).isTrue();
    assertThat(stream.send(changed("tools"))).isTrue(); // waits, rather than being dropped
    assertThat(stream.send(changed("prompts"))).isTrue();

    RecordingCall call = new RecordingCall();
    SseChannel channel = SseChannel.open(call, 1 << 20);
    call.writes.clear(); // the headers
    stream.attach(channel);
    stream.send(changed("resources"));

    assertThat(call.text()).isEqualTo(
        "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n"
            + "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/prompts/list_changed\"}\n\n"
            + "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/list_changed\"}\n\n");
  }

  @Test
  void withoutAConnectionOnItsWayAMessageForTheGetStreamIsNotTaken() {
    EventStream stream = new EventStream("s1", 'g', 1, null, false, 0);

    assertThat(stream.send(changed("tools"))).isFalse(); // the caller relays it or drops it
    assertThat(stream.isConnected()).isFalse();
  }

  @Test
  void onlyOneConnectionMayBeOnItsWayAndAFailedOneDropsWhatWaited() throws Exception {
    EventStream stream = new EventStream("s1", 'g', 1, null, false, 0);
    assertThat(stream.connect()).isTrue();
    assertThat(stream.isConnected()).isTrue(); // a second GET is refused with 409
    assertThat(stream.connect()).isFalse();
    stream.send(changed("tools"));

    stream.connectFailed();
    assertThat(stream.isConnected()).isFalse();
    assertThat(stream.connect()).isTrue();
    RecordingCall call = new RecordingCall();
    SseChannel channel = SseChannel.open(call, 1 << 20);
    call.writes.clear();
    stream.attach(channel);

    assertThat(call.text()).isEmpty(); // the failed connection's events went with it
    assertThat(stream.connect()).isFalse(); // attached now
  }

  @Test
  void whatWaitsIsBoundedAndTheRestIsRefused() {
    EventStream stream = new EventStream("s1", 'g', 1, null, false, 0);
    stream.connect();
    com.fasterxml.jackson.databind.node.ObjectNode params = McpJson.object()
        .put("data", "x".repeat(100_000));
    int taken = 0;
    while (taken < 100 && stream.send(new JsonRpcNotification("notifications/message", params))) {
      taken++;
    }

    assertThat(taken).isBetween(9, 11); // about 1 MiB, then refused
  }

  @Test
  void aResumableStreamStoresItsPrimingEventBeforeWhatWaitedAndSendsThemInThatOrder()
      throws Exception {
    EventStore store = EventStore.inMemory(100);
    EventStream stream = new EventStream("s1", 'g', 1, store, true, 2500);
    assertThat(stream.connect()).isTrue();
    assertThat(stream.send(changed("tools"))).isTrue();

    RecordingCall call = new RecordingCall();
    SseChannel channel = SseChannel.open(call, 1 << 20);
    call.writes.clear();
    stream.attach(channel);

    String text = call.text();
    assertThat(text).startsWith("id: ").contains("retry: 2500\n");
    int priming = text.indexOf("retry: 2500");
    int event = text.indexOf("notifications/tools/list_changed");
    assertThat(event).isGreaterThan(priming);
    String primingId = text.substring(4, text.indexOf('\n'));
    // a client that got only the priming event and reconnects with its id gets the rest
    EventStore.Replay replay = store.replayAfter("s1", primingId);
    assertThat(replay).isNotNull();
    assertThat(replay.events()).hasSize(1);
    assertThat(new String(replay.events().get(0).data(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("notifications/tools/list_changed");
  }
}
