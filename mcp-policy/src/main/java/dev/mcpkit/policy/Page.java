package dev.mcpkit.policy;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing. Pass {@link #nextCursor()} back to the same query for the next page; it is
 * null on the last page. Cursors are opaque and stay valid while items are added or removed (they
 * name the last item shown, not a position).
 *
 * @param items the items of this page, in the query's order
 * @param nextCursor the cursor of the next page, or null when there is none
 * @param <T> what is listed
 */
public record Page<T>(List<T> items, String nextCursor) {
  /** The most items a page holds; a larger limit is refused. */
  public static final int MAX_LIMIT = 200;

  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /** Whether there is a next page. */
  public boolean hasMore() {
    return nextCursor != null;
  }

  /** An empty last page. */
  public static <T> Page<T> empty() {
    return new Page<>(List.of(), null);
  }
}
