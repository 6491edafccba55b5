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

  /** Attaches {@code channel} (on {@code call}), sends "a" and returns the id it went with. */
  private static String attachAndSendA(EventStream stream, SseChannel channel, RecordingCall call) {
    stream.attach(channel, java.util.List.of());
    stream.send(changed("a"));
    return idOf(call.text(), call.text().indexOf("id: "));
  }

  /** A stream's connection on {@code call}, whose writes so far (the headers) are dropped. */
  private static SseChannel channelOn(RecordingCall call) throws java.io.IOException {
    SseChannel channel = SseChannel.open(call, 1 << 20);
    call.writes.clear();
    return channel;
  }

  /** A connection claimed before and attached now, on a fresh call, with what it was sent. */
  private record Attached(RecordingCall call, SseChannel channel) {}

  private static Attached attachNew(EventStream stream) throws java.io.IOException {
    RecordingCall call = new RecordingCall();
    SseChannel channel = channelOn(call);
    stream.attach(channel);
    return new Attached(call, channel);
  }

  private static String text(EventStore.StoredEvent event) {
    return new String(event.data(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The event id on the {@code id: } line that starts at {@code line}. */
  private static String idOf(String text, int line) {
    return text.substring(line + 4, text.indexOf('\n', line));
  }

  private static JsonRpcNotification changed(String what) {
    return new JsonRpcNotification("notifications/" + what + "/list_changed", null);
  }

  @Test
  void whatIsSentWhileTheConnectionIsOnItsWayArrivesFirstOnceItIsAttached() throws Exception {
    EventStream stream = new EventStream("s1", 'g', 1, null, false, 0);
    assertThat(stream.connect(1 << 20)).isTrue();
    assertThat(stream.send(changed("tools"))).isTrue(); // waits, rather than being dropped
    assertThat(stream.send(changed("prompts"))).isTrue();

    RecordingCall call = attachNew(stream).call();
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
    assertThat(stream.connect(1 << 20)).isTrue();
    assertThat(stream.isConnected()).isTrue(); // a second GET is refused with 409
    assertThat(stream.connect(1 << 20)).isFalse();
    stream.send(changed("tools"));

    stream.connectFailed();
    assertThat(stream.isConnected()).isFalse();
    assertThat(stream.connect(1 << 20)).isTrue();
    RecordingCall call = attachNew(stream).call();

    assertThat(call.text()).isEmpty(); // the failed connection's events went with it
    assertThat(stream.connect(1 << 20)).isFalse(); // attached now
  }

  @Test
  void whatWaitsIsBoundedAndTheRestIsRefused() {
    EventStream stream = new EventStream("s1", 'g', 1, null, false, 0);
    stream.connect(250_000); // the stream's backlog limit
    com.fasterxml.jackson.databind.node.ObjectNode params = McpJson.object()
        .put("data", "x".repeat(100_000));
    int taken = 0;
    while (taken < 100 && stream.send(new JsonRpcNotification("notifications/message", params))) {
      taken++;
    }

    assertThat(taken).isEqualTo(2); // 2 of about 100 KB fit in 250,000 bytes; the third is refused
  }

  @Test
  void aResumableStreamWhereSomethingDidNotFitSendsWhatDidThenClosesSoTheClientResumes()
      throws Exception {
    EventStore store = EventStore.inMemory(100);
    EventStream stream = new EventStream("s1", 'g', 1, store, true, 1000);
    stream.connect(250_000);
    com.fasterxml.jackson.databind.node.ObjectNode big = McpJson.object()
        .put("data", "x".repeat(100_000));
    for (int i = 0; i < 3; i++) {
      assertThat(stream.send(new JsonRpcNotification("notifications/message", big))).isTrue();
    }
    assertThat(stream.send(changed("tools"))).isTrue(); // small, but may not overtake the third

    Attached attached = attachNew(stream);
    RecordingCall call = attached.call();

    String text = call.text();
    assertThat(text.split("notifications/message", -1)).hasSize(3); // the two that fitted
    assertThat(text).doesNotContain("tools/list_changed");
    assertThat(attached.channel().isClosed()).as("closed, so that the client resumes").isTrue();
    EventStore.Replay rest = store.replayAfter("s1", idOf(text, text.lastIndexOf("id: ")));
    assertThat(rest.events()).hasSize(2);
    assertThat(text(rest.events().get(1))).contains("tools/list_changed");
  }

  @Test
  void aResumableStreamStoresItsPrimingEventBeforeWhatWaitedAndSendsThemInThatOrder()
      throws Exception {
    EventStore store = EventStore.inMemory(100);
    EventStream stream = new EventStream("s1", 'g', 1, store, true, 2500);
    assertThat(stream.connect(1 << 20)).isTrue();
    assertThat(stream.send(changed("tools"))).isTrue();

    RecordingCall call = attachNew(stream).call();

    String text = call.text();
    assertThat(text).startsWith("id: ").contains("retry: 2500\n");
    int priming = text.indexOf("retry: 2500");
    int event = text.indexOf("notifications/tools/list_changed");
    assertThat(event).isGreaterThan(priming);
    String primingId = idOf(text, 0);
    // a client that got only the priming event and reconnects with its id gets the rest
    EventStore.Replay replay = store.replayAfter("s1", primingId);
    assertThat(replay).isNotNull();
    assertThat(replay.events()).hasSize(1);
    assertThat(text(replay.events().get(0))).contains("notifications/tools/list_changed");
  }

  @Test
  void aReconnectingClientGetsEveryEventOnceAndInOrderEvenOnesSentWhileTheStoreIsRead()
      throws Exception {
    EventStore store = EventStore.inMemory(100);
    EventStream stream = new EventStream("s1", 'r', 1, store, false, 0);
    RecordingCall first = new RecordingCall();
    SseChannel firstChannel = channelOn(first);
    String lastSeen = attachAndSendA(stream, firstChannel, first);
    firstChannel.close(); // the client's connection broke
    stream.send(changed("b")); // stored only

    // the client reconnects with the last id it saw
    EventStore.Replay before = store.replayAfter("s1", lastSeen); // b
    stream.send(changed("c")); // after the first read: stored, and no connection yet
    stream.reconnecting(1 << 20);
    stream.send(changed("d")); // waits, and is stored
    EventStore.Replay after = store.replayAfter("s1", lastSeen); // b, c, d
    stream.send(changed("e")); // waits only
    RecordingCall second = new RecordingCall();
    SseChannel secondChannel = channelOn(second);
    stream.attach(secondChannel, after.events());
    stream.send(changed("f")); // live

    assertThat(before.events()).hasSize(1);
    String text = second.text();
    java.util.List<String> order = new java.util.ArrayList<>();
    for (String what : new String[] {"a", "b", "c", "d", "e", "f"}) {
      int at = text.indexOf("notifications/" + what + "/list_changed");
      if (at >= 0) {
        order.add(what);
        assertThat(text.indexOf("notifications/" + what + "/list_changed", at + 1))
            .as("%s sent once", what).isNegative();
      }
    }
    assertThat(order).containsExactly("b", "c", "d", "e", "f");
    int b = text.indexOf("notifications/b/"), c = text.indexOf("notifications/c/");
    int d = text.indexOf("notifications/d/"), e = text.indexOf("notifications/e/");
    assertThat(b).isLessThan(c);
    assertThat(c).isLessThan(d);
    assertThat(d).isLessThan(e);
  }

  @Test
  void anAnswerThatCompletesWhileItsClientReconnectsIsKeptUntilTheClientHasIt() throws Exception {
    EventStore store = EventStore.inMemory(100);
    EventStream stream = new EventStream("s1", 'r', 1, store, false, 0);
    RecordingCall first = new RecordingCall();
    String lastSeen = attachAndSendA(stream, channelOn(first), first);

    stream.reconnecting(1 << 20);
    stream.complete(new dev.mcpkit.core.jsonrpc.JsonRpcResponse.Result(
        dev.mcpkit.core.jsonrpc.RequestId.of(1), McpJson.object().put("done", true)));
    EventStore.Replay after = store.replayAfter("s1", lastSeen);
    assertThat(after).as("not dropped before the client has it").isNotNull();
    RecordingCall second = new RecordingCall();
    SseChannel secondChannel = channelOn(second);
    stream.attach(secondChannel, after.events());

    String text = second.text();
    assertThat(text).contains("\"done\":true");
    assertThat(text.indexOf("\"done\"")).isEqualTo(text.lastIndexOf("\"done\""));
    assertThat(secondChannel.isClosed()).isTrue();
    assertThat(store.replayAfter("s1", lastSeen)).as("dropped once delivered").isNull();
  }
}
