package dev.mcpkit.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.ServerPeer;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.internal.session.ClusterDelivery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What an endpoint's server tells other instances of itself, beyond sessions: list and resource
 * changes for their 2026-07-28 {@code subscriptions/listen} streams (a change made here reaches a
 * listen stream another instance holds), and answers to a task's pending input that no task of
 * this JVM takes (the instance running the task takes them). Receivers act only on their own
 * listen streams and running tasks, so nothing is published twice.
 */
final class ClusterBroadcast {
  private static final String LIST_CHANGED = "mcpkit/listChanged";
  private static final String RESOURCE_UPDATED = "mcpkit/resourceUpdated";
  private static final String TASK_INPUT = "mcpkit/taskInput";

  private final ClusterDelivery delivery;
  private final StatelessHttp stateless;
  private final Supplier<List<McpEndpoint>> endpoints;
  private final Map<McpEndpoint, ServerPeer> publishers = new ConcurrentHashMap<>();

  ClusterBroadcast(ClusterDelivery delivery, StatelessHttp stateless,
      Supplier<List<McpEndpoint>> endpoints) {
    this.delivery = delivery;
    this.stateless = stateless;
    this.endpoints = endpoints;
    delivery.onBroadcast(this::received);
  }

  /** Starts publishing what {@code endpoint}'s server changes. */
  void serve(McpEndpoint endpoint) {
    ServerCore core = ServerAccess.core(endpoint.server());
    String id = endpoint.id();
    ServerPeer publisher = new ServerPeer() {
      @Override
      public void listChanged(String kind, String name) {
        ObjectNode p = McpJson.object().put("kind", kind);
        if (name != null) {
          p.put("name", name);
        }
        delivery.broadcast(id, new JsonRpcNotification(LIST_CHANGED, p));
      }

      @Override
      public void resourceUpdated(String uri) {
        delivery.broadcast(id, new JsonRpcNotification(RESOURCE_UPDATED,
            McpJson.object().put("uri", uri)));
      }
    };
    publishers.put(endpoint, publisher);
    core.addPeer(publisher);
    core.forwardTaskInput((taskId, answers) -> {
      ObjectNode p = McpJson.object().put("taskId", taskId);
      p.set("inputResponses", answers);
      delivery.broadcast(id, new JsonRpcNotification(TASK_INPUT, p));
    });
  }

  /** Stops publishing for {@code endpoint}. */
  void stop(McpEndpoint endpoint) {
    ServerPeer publisher = publishers.remove(endpoint);
    if (publisher != null) {
      ServerCore core = ServerAccess.core(endpoint.server());
      core.removePeer(publisher);
      core.forwardTaskInput(null);
    }
  }

  /** Stops publishing for every endpoint. */
  void close() {
    publishers.keySet().forEach(this::stop);
  }

  private void received(String endpointId, JsonRpcNotification n) {
    McpEndpoint endpoint = endpoints.get().stream().filter(e -> e.id().equals(endpointId))
        .findFirst().orElse(null);
    JsonNode p = n.params();
    if (endpoint == null || p == null) {
      return;
    }
    ServerCore core = ServerAccess.core(endpoint.server());
    switch (n.method()) {
      case LIST_CHANGED -> {
        String kind = p.path("kind").asText();
        String name = p.hasNonNull("name") ? p.get("name").asText() : null;
        stateless.changedElsewhere(core, l -> l.listChanged(kind, name));
      }
      case RESOURCE_UPDATED -> {
        String uri = p.path("uri").asText();
        stateless.changedElsewhere(core, l -> l.resourceUpdated(uri));
      }
      case TASK_INPUT -> {
        if (p.get("inputResponses") instanceof ObjectNode answers) {
          core.taskInputFromElsewhere(p.path("taskId").asText(), answers);
        }
      }
      default -> { } // a message of a newer release
    }
  }
}
