package dev.mcpkit.server.explorer;

import java.util.Objects;

/**
 * One ready-to-paste connection snippet, as the explorer page shows it ({@link ExplorerModel#snippets()}).
 *
 * @param id a stable identifier for the page ({@code claude}, {@code cursor}, {@code curl},
 *     {@code java})
 * @param title the client it is for
 * @param where where it goes, e.g. a file name
 * @param language the language of {@code text}: {@code json}, {@code bash} or {@code java}
 * @param text the snippet, with the full endpoint URL
 */
public record Snippet(String id, String title, String where, String language, String text) {
  public Snippet {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
  }
}
