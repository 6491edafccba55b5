package dev.mcpkit.server.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session that was opened and not yet used keeps its record only: no engine, no stream map. */
class IdleSessionSizeTest {
  private HttpSessions sessions;
  private McpEndpoint endpoint;

  @BeforeEach
  void start() {
    sessions = new HttpSessions(McpHttpOptions.defaults());
    endpoint = McpEndpoint.at("/mcp", McpServer.builder().name("s").version("1").build());
  }

  @AfterEach
  void stop() {
    sessions.close();
  }

  @Test
  void notificationsInitializedLeavesAJustOpenedSessionWithoutAnEngine() {
    LiveSession session = initialized();

    sessions.delivery().fromClient(session,
        new JsonRpcNotification("notifications/initialized", null));

    assertThat(session.engineIfMade()).isNull();
    assertThat(sessions.size()).isEqualTo(1);
  }

  @Test
  void aClientAnswerNobodyWaitsForLeavesAnIdleSessionWithoutAnEngine() {
    LiveSession session = initialized();

    sessions.delivery().fromClient(session,
        JsonRpcResponse.result(RequestId.of(7), McpJson.object()));

    assertThat(session.engineIfMade()).isNull();
  }

  @Test
  void aNotificationToASessionWhoseEngineRunsKeepsThatEngine() {
    LiveSession session = initialized();
    ProtocolEngine running = session.engine();

    sessions.delivery().fromClient(session,
        new JsonRpcNotification("notifications/roots/list_changed", null));

    assertThat(session.engineIfMade()).isSameAs(running);
  }

  private LiveSession initialized() {
    String client = "address 127.0.0.1";
    assertThat(sessions.reserve(client)).isNull();
    LiveSession session = sessions.open(endpoint, McpPrincipal.ANONYMOUS.subject(), "2025-11-25",
        client);
    JsonRpcResponse answer = session.engine().handle(new JsonRpcRequest(RequestId.of(1),
        "initialize", McpJson.object().put("protocolVersion", "2025-11-25")),
        session.requestAttributes(McpPrincipal.ANONYMOUS));
    assertThat(answer).isInstanceOf(JsonRpcResponse.Result.class);
    sessions.add(session);
    session.shed();
    assertThat(session.engineIfMade()).isNull();
    return session;
  }
}
