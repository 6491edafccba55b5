package dev.mcpkit.server.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Small HTTP details: media types, the body limit. */
final class Wire {
  static final String SESSION_ID = "Mcp-Session-Id";
  static final String PROTOCOL_VERSION = "MCP-Protocol-Version";

  private Wire() {}

  /** Whether an {@code Accept} header accepts {@code type} (wildcards count). */
  static boolean accepts(String accept, String type) {
    if (accept == null) {
      return false;
    }
    if (accept.contains(type) && !accept.contains(";")) {
      return true; // the usual "application/json, text/event-stream"
    }
    String major = type.substring(0, type.indexOf('/'));
    for (String part : accept.split(",")) {
      String range = part.trim();
      int semi = range.indexOf(';');
      if (semi >= 0) {
        if (range.substring(semi).replace(" ", "").toLowerCase(Locale.ROOT).contains("q=0")
            && !range.substring(semi).matches(".*q=0\\.\\d*[1-9].*")) {
          continue; // q=0 means "not acceptable"
        }
        range = range.substring(0, semi).trim();
      }
      range = range.toLowerCase(Locale.ROOT);
      if (range.equals(type) || range.equals("*/*") || range.equals(major + "/*")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a {@code Content-Type} header is JSON ({@code application/json}, any parameters). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    return type.equalsIgnoreCase("application/json");
  }

  /** Thrown when a body exceeds the limit. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("body larger than " + limit + " bytes");
    }
  }

  /** Reads the whole body, refusing more than {@code limit} bytes. */
  static byte[] readBody(HttpCall call, long limit) throws IOException {
    long declared = call.contentLength();
    if (declared > limit) {
      throw new TooLarge(limit);
    }
    byte[] read = call.readBody();
    if (read != null) {
      if (read.length > limit) {
        throw new TooLarge(limit);
      }
      return read;
    }
    InputStream in = call.body();
    if (declared >= 0) {
      byte[] exact = in.readNBytes((int) declared);
      if (exact.length < declared) {
        throw new IOException("the body ended after " + exact.length + " of " + declared
            + " bytes");
      }
      return exact;
    }
    int initial = 1024;
    ByteArrayOutputStream out = new ByteArrayOutputStream(initial);
    byte[] buf = new byte[Math.min(8192, Math.max(initial, 512))];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > limit) {
        throw new TooLarge(limit);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
