package dev.mcpkit.core.engine;

import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcParseException;
import dev.mcpkit.core.transport.McpTransport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A transport the test feeds raw text into and reads what was written from. */
final class RawTransport implements McpTransport {
  private final BlockingQueue<JsonRpcMessage> written = new LinkedBlockingQueue<>();
  private Listener listener;

  @Override
  public void start(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void send(JsonRpcMessage message) {
    // through the wire format, as a real transport would
    written.add(JsonRpcCodec.instance().decode(JsonRpcCodec.instance().encode(message)));
  }

  void feed(String text) {
    JsonRpcMessage m;
    try {
      m = JsonRpcCodec.instance().decode(text.getBytes(StandardCharsets.UTF_8));
    } catch (JsonRpcParseException e) {
      listener.onError(e);
      return;
    }
    listener.onMessage(m);
  }

  JsonRpcMessage next() throws InterruptedException {
    JsonRpcMessage m = written.poll(5, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("nothing was written within 5 s");
    }
    return m;
  }

  @Override
  public void close() {
    listener.onClose(null);
  }
}
