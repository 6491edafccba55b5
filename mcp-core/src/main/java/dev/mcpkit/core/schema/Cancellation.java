package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Cancellation: {@code notifications/cancelled}. */
public final class Cancellation {
  private Cancellation() {}

  /**
   * Params of {@code notifications/cancelled}: the string or integer id of the request to cancel
   * and an optional reason. The id is required from 2026-07-28 and in practice always sent.
   */
  public record CancelledParams(
      JsonNode requestId,
      String reason,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public CancelledParams {
      extra = Immutable.extra(extra);
    }

    public CancelledParams(JsonNode requestId, String reason) {
      this(requestId, reason, null, null);
    }
  }
}
