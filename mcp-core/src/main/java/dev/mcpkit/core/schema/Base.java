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
 * The shapes every MCP message builds on: params that carry only {@code _meta}, the empty result,
 * and the 2026-07-28 result fields {@code resultType} and {@code cacheScope}.
 *
 * <p>{@code ping}, {@code server/discover}, {@code roots/list}, {@code notifications/initialized}
 * and the {@code list_changed} notifications use {@link RequestParams} or {@link
 * NotificationParams}; {@code ping}, {@code resources/subscribe}, {@code resources/unsubscribe} and
 * {@code logging/setLevel} answer with {@link EmptyResult}.
 */
public final class Base {
  private Base() {}

  /** Values of the 2026-07-28 {@code resultType} field (absent means {@link #COMPLETE}). */
  public static final class ResultType {
    /** The request completed and the result holds the final content. */
    public static final String COMPLETE = "complete";
    /** The server needs more input: the result is an {@link Inputs.InputRequiredResult}. */
    public static final String INPUT_REQUIRED = "input_required";

    private ResultType() {}
  }

  /** Params of a request that carries nothing but {@code _meta}. */
  public record RequestParams(
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    /** Params without {@code _meta}. */
    public static final RequestParams EMPTY = new RequestParams(null, null);

    public RequestParams {
      extra = Immutable.extra(extra);
    }
  }

  /** Params of a notification that carries nothing but {@code _meta}. */
  public record NotificationParams(
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    /** Params without {@code _meta}. */
    public static final NotificationParams EMPTY = new NotificationParams(null, null);

    public NotificationParams {
      extra = Immutable.extra(extra);
    }
  }

  /** A result with no content of its own. */
  public record EmptyResult(
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    /** The empty result; {@link ProtocolRevision#shapeResult} adds {@code resultType} where required. */
    public static final EmptyResult INSTANCE = new EmptyResult(null, null, null);

    public EmptyResult {
      extra = Immutable.extra(extra);
    }
  }

  /** Who may cache a 2026-07-28 cacheable result, like HTTP {@code Cache-Control}. */
  public enum CacheScope {
    /** No user-specific data: shared caches may serve it across authorization contexts. */
    PUBLIC("public"),
    /** Cache only within the same authorization context. */
    PRIVATE("private");

    private final String wire;

    CacheScope(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static CacheScope fromWire(String value) {
      return WireEnums.parse(CacheScope.class, value, CacheScope::wire);
    }
  }
}
