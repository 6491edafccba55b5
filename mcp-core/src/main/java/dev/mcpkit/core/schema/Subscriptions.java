package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions (2026-07-28): {@code subscriptions/listen} opens a long-lived stream for the
 * notifications the client opts in to, replacing the HTTP GET stream and {@code
 * resources/subscribe}. The server first sends {@code notifications/subscriptions/acknowledged};
 * every notification on the stream carries {@link Meta#SUBSCRIPTION_ID} in {@code _meta}. The
 * request gets a {@link ListenResult} only when the server ends the subscription gracefully.
 */
public final class Subscriptions {
  private Subscriptions() {}

  /** The notification types asked for (in a request) or honoured (in the acknowledgement). */
  public record SubscriptionFilter(
      Boolean toolsListChanged,
      Boolean promptsListChanged,
      Boolean resourcesListChanged,
      List<String> resourceSubscriptions,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public SubscriptionFilter {
      resourceSubscriptions = Immutable.list(resourceSubscriptions);
      extra = Immutable.extra(extra);
    }
  }

  /** Params of {@code subscriptions/listen}. */
  public record ListenParams(
      SubscriptionFilter notifications,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ListenParams {
      Immutable.required(notifications, "SubscriptionsListenRequestParams.notifications");
      extra = Immutable.extra(extra);
    }

    public ListenParams(SubscriptionFilter notifications) {
      this(notifications, null, null);
    }
  }

  /** Result of {@code subscriptions/listen}: the subscription ended; {@code _meta} names it. */
  public record ListenResult(
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ListenResult {
      Immutable.required(meta, "SubscriptionsListenResult._meta");
      extra = Immutable.extra(extra);
    }
  }

  /** Params of {@code notifications/subscriptions/acknowledged}. */
  public record AcknowledgedParams(
      SubscriptionFilter notifications,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public AcknowledgedParams {
      Immutable.required(
          notifications, "SubscriptionsAcknowledgedNotificationParams.notifications");
      extra = Immutable.extra(extra);
    }
  }
}
