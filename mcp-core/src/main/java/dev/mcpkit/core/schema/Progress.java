package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Progress: {@code notifications/progress} for a request that sent a {@code progressToken}. */
public final class Progress {
  private Progress() {}

  /**
   * Params of {@code notifications/progress}. {@code progressToken} is the string or integer the
   * request carried in {@code _meta.progressToken}; {@code progress} must increase with each
   * notification; {@code message} exists from 2025-03-26.
   */
  public record ProgressParams(
      JsonNode progressToken,
      Number progress,
      Number total,
      String message,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ProgressParams {
      Immutable.required(progressToken, "ProgressNotificationParams.progressToken");
      Immutable.required(progress, "ProgressNotificationParams.progress");
      extra = Immutable.extra(extra);
    }

    public ProgressParams(JsonNode progressToken, Number progress, Number total, String message) {
      this(progressToken, progress, total, message, null, null);
    }
  }
}
