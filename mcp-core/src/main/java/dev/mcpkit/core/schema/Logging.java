package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Logging: {@code logging/setLevel} (session protocol; 2026-07-28 sends the level per request in
 * {@code _meta}, see {@link Meta.Request}) and {@code notifications/message}.
 */
public final class Logging {
  private Logging() {}

  /** Syslog severities (RFC 5424), least severe first, so {@code compareTo} orders by severity. */
  public enum LoggingLevel {
    DEBUG("debug"),
    INFO("info"),
    NOTICE("notice"),
    WARNING("warning"),
    ERROR("error"),
    CRITICAL("critical"),
    ALERT("alert"),
    EMERGENCY("emergency");

    private final String wire;

    LoggingLevel(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static LoggingLevel fromWire(String value) {
      return WireEnums.parse(LoggingLevel.class, value, LoggingLevel::wire);
    }

    /** Whether a message at this level passes a client's threshold. */
    public boolean isAtLeast(LoggingLevel threshold) {
      return compareTo(threshold) >= 0;
    }
  }

  /** Params of {@code logging/setLevel}. */
  public record SetLevelParams(
      LoggingLevel level,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public SetLevelParams {
      Immutable.required(level, "SetLevelRequestParams.level");
      extra = Immutable.extra(extra);
    }

    public SetLevelParams(LoggingLevel level) {
      this(level, null, null);
    }
  }

  /** Params of {@code notifications/message}: any JSON {@code data} at a level, from a logger. */
  public record LoggingMessageParams(
      LoggingLevel level,
      String logger,
      JsonNode data,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public LoggingMessageParams {
      Immutable.required(level, "LoggingMessageNotificationParams.level");
      Immutable.required(data, "LoggingMessageNotificationParams.data");
      extra = Immutable.extra(extra);
    }

    public LoggingMessageParams(LoggingLevel level, String logger, JsonNode data) {
      this(level, logger, data, null, null);
    }
  }
}
