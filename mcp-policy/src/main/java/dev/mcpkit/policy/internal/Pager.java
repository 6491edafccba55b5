package dev.mcpkit.policy.internal;

import dev.mcpkit.policy.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging: items sorted by a unique key, the cursor names the last key shown, so a page stays
 * right while items are added or removed. Cursors and limits are checked with bounded refusals.
 */
public final class Pager {
  /** The longest cursor accepted (a key is at most a few hundred characters). */
  static final int MAX_CURSOR = 512;

  private Pager() {}

  /** The page of {@code items} (any order) after {@code cursor}, sorted by {@code key}. */
  public static <T> Page<T> page(List<T> items, Function<T, String> key, String cursor,
      int limit) {
    checkLimit(limit);
    String after = cursor == null ? null : decode(cursor);
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(key));
    List<T> out = new ArrayList<>();
    for (T item : sorted) {
      if (after != null && key.apply(item).compareTo(after) <= 0) {
        continue;
      }
      if (out.size() == limit) {
        return new Page<>(out, encode(key.apply(out.get(limit - 1))));
      }
      out.add(item);
    }
    return new Page<>(out, null);
  }

  public static void checkLimit(int limit) {
    if (limit < 1 || limit > Page.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + Page.MAX_LIMIT + ", got " + limit);
    }
  }

  public static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  public static String decode(String cursor) {
    if (cursor.length() > MAX_CURSOR) {
      throw new IllegalArgumentException("cursor is " + cursor.length() + " characters; a cursor "
          + "from a page is at most " + MAX_CURSOR);
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cursor is not one a page returned; pass nextCursor "
          + "back unchanged, or null for the first page");
    }
  }
}
