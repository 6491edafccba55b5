package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing whole responses: JSON bodies, JSON-RPC errors, empty statuses. */
public final class HttpResponses {
  private static final byte[] NOT_FOUND = "Not Found".getBytes(StandardCharsets.US_ASCII);

  private HttpResponses() {}

  /** Writes {@code body} as {@code application/json} with {@code status} and ends the call. */
  public static void json(HttpCall call, int status, byte[] body) {
    try {
      call.setHeader("Content-Type", "application/json");
      OutputStream out = call.start(status, body.length);
      out.write(body);
      out.close();
    } catch (IOException | RuntimeException e) {
      // the client went away; nothing to tell it
    } finally {
      call.close();
    }
  }

  public static void message(HttpCall call, int status, JsonRpcMessage message) {
    json(call, status, JsonRpcCodec.instance().encode(message));
  }

  /** A JSON-RPC error response (id null unless known) with an HTTP status. */
  public static void error(HttpCall call, int status, RequestId id, int code, String message) {
    message(call, status, new JsonRpcResponse.Error(id, new JsonRpcError(code, message)));
  }

  /** A status without a body (202, 204, 405 ...). */
  public static void empty(HttpCall call, int status) {
    try {
      call.start(status, 0).close();
    } catch (IOException | RuntimeException e) {
      // the client went away
    } finally {
      call.close();
    }
  }

  /** 404 that says nothing about why: unknown path, wrong token, disabled endpoint. */
  public static void notFound(HttpCall call) {
    try {
      call.setHeader("Content-Type", "text/plain");
      OutputStream out = call.start(404, NOT_FOUND.length);
      out.write(NOT_FOUND);
      out.close();
    } catch (IOException | RuntimeException e) {
      // the client went away
    } finally {
      call.close();
    }
  }
}
