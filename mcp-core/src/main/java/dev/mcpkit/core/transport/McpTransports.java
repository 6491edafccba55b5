package dev.mcpkit.core.transport;

import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcParseException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires a {@link ProtocolEngine} to a {@link McpTransport}. */
public final class McpTransports {
  private static final Logger LOG = LoggerFactory.getLogger(McpTransports.class);

  private McpTransports() {}

  /**
   * Builds an engine that writes to {@code transport}, starts the transport delivering to the engine,
   * and closes the engine when the transport closes. Malformed input is answered with the JSON-RPC
   * error it deserves, reported to the engine's listener, and the connection keeps serving.
   */
  public static ProtocolEngine connect(McpTransport transport, ProtocolEngine.Builder builder)
      throws IOException {
    ProtocolEngine engine = builder.outbound((message, related) -> transport.send(message)).build();
    transport.start(new McpTransport.Listener() {
      @Override
      public void onMessage(JsonRpcMessage message) {
        engine.receive(message);
      }

      @Override
      public void onError(Throwable error) {
        if (error instanceof JsonRpcParseException p) {
          engine.rejected(p.error());
          try {
            transport.send(p.toResponse());
          } catch (IOException e) {
            LOG.debug("could not report a malformed message: {}", e.toString());
          }
        } else {
          LOG.warn("transport error: {}", error.toString());
        }
      }

      @Override
      public void onClose(Throwable cause) {
        engine.close(cause);
      }
    });
    return engine;
  }
}
