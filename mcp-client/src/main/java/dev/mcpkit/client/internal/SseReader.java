package dev.mcpkit.client.internal;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads server-sent events from a byte stream, following the WHATWG event-stream rules: comments are
 * skipped, {@code data} lines are joined, an event is dispatched at a blank line, and {@code id} and
 * {@code retry} persist for the life of the stream.
 */
public final class SseReader {
  private final BufferedSource source;
  private String lastEventId;
  private long retry = -1;

  public SseReader(BufferedSource source) {
    this.source = source;
  }

  /** The last event id seen on this stream (also from events without data), or null. */
  public String lastEventId() {
    return lastEventId;
  }

  /** The last {@code retry} value seen on this stream in milliseconds, or -1. */
  public long retry() {
    return retry;
  }

  /**
   * Reads up to the next event. Events with an id or a retry but no data are returned too (with empty
   * data) so callers can note the stream position.
   *
   * @return the event, or null at the end of the stream
   */
  public SseEvent next() throws IOException {
    StringBuilder data = null;
    String event = null;
    boolean sawField = false;
    String line;
    while ((line = source.readUtf8Line()) != null) {
      if (line.isEmpty()) {
        if (!sawField) {
          continue;
        }
        return new SseEvent(lastEventId, event == null ? "message" : event,
            data == null ? "" : data.toString(), retry);
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
          sawField = true;
        }
        case "event" -> {
          event = value;
          sawField = true;
        }
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            lastEventId = value;
          }
          sawField = true;
        }
        case "retry" -> {
          try {
            retry = Long.parseLong(value.trim());
            sawField = true;
          } catch (NumberFormatException ignored) {
            // the spec says to ignore a retry that is not all digits
          }
        }
        default -> { /* unknown fields are ignored */ }
      }
    }
    if (sawField && data != null) {
      // a final event without the closing blank line is discarded by browsers; we keep it, since a
      // server that ends the stream right after the response means it
      return new SseEvent(lastEventId, event == null ? "message" : event, data.toString(), retry);
    }
    return null;
  }
}
