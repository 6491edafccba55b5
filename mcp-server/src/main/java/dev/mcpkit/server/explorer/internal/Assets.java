package dev.mcpkit.server.explorer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The page's stylesheet and script, read once from this jar. */
final class Assets {
  private static final String FOLDER = "/dev/mcpkit/server/explorer/";
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Assets() {}

  /** The text of {@code name} ({@code explorer.css}, {@code explorer.js}). */
  static String text(String name) {
    return CACHE.computeIfAbsent(name, Assets::read);
  }

  private static String read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("explorer asset missing from the jar: " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read explorer asset " + name, e);
    }
  }
}
