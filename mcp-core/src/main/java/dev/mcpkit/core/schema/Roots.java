package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Roots: {@code roots/list}, asked of the client (params are {@link Base.RequestParams}); in
 * 2026-07-28 only as an input request. {@code notifications/roots/list_changed} carries {@link
 * Base.NotificationParams}.
 */
public final class Roots {
  private Roots() {}

  /** A directory or file the server may operate on; the URI must start with {@code file://}. */
  public record Root(
      String uri,
      String name,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Root {
      Immutable.required(uri, "Root.uri");
      extra = Immutable.extra(extra);
    }

    public Root(String uri, String name) {
      this(uri, name, null, null);
    }
  }

  /** Result of {@code roots/list} ({@code _meta} until 2025-11-25). */
  public record ListRootsResult(
      List<Root> roots,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements Inputs.InputResponse {
    public ListRootsResult {
      roots = Immutable.list(Immutable.required(roots, "ListRootsResult.roots"));
      extra = Immutable.extra(extra);
    }

    public ListRootsResult(List<Root> roots) {
      this(roots, null, null);
    }
  }
}
