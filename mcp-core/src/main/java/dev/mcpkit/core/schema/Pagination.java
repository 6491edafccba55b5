package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Cursor-based pagination shared by the list methods. */
public final class Pagination {
  private Pagination() {}

  /** Params of a list request: an opaque cursor from the previous page, or none for the first. */
  public record PaginatedParams(
      String cursor,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    /** The first page, without {@code _meta}. */
    public static final PaginatedParams FIRST_PAGE = new PaginatedParams(null, null, null);

    public PaginatedParams {
      extra = Immutable.extra(extra);
    }

    /** The page after the one that returned {@code cursor}. */
    public static PaginatedParams after(String cursor) {
      return new PaginatedParams(cursor, null, null);
    }
  }

  /** A list result; {@code nextCursor} is absent on the last page. */
  public interface PaginatedResult {
    String nextCursor();
  }
}
