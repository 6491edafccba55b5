package dev.mcpkit.server.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A parsed HTTP/1.x request line and header block, strictly: what RFC 9112 lets a server refuse
 * is refused (a folded header, whitespace before a colon, control characters, two different
 * lengths, a length beside a transfer coding), since a lenient parse is how requests get smuggled
 * past whatever sits in front of the server.
 */
final class RequestHead {
  /** Why a head was refused: the status and a short plain-text reason. */
  static final class Refusal extends Exception {
    final int status;

    Refusal(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }
  }

  final String method;
  final String rawPath; // as sent, without the query
  final String query; // raw, or null
  final boolean http10;
  final String[] headers; // name, value, name, value ...
  final long contentLength; // -1 when none was sent
  final boolean chunked;

  private RequestHead(String method, String rawPath, String query, boolean http10,
      String[] headers, long contentLength, boolean chunked) {
    this.method = method;
    this.rawPath = rawPath;
    this.query = query;
    this.http10 = http10;
    this.headers = headers;
    this.contentLength = contentLength;
    this.chunked = chunked;
  }

  /** The first value of a header (case-insensitive), or null. */
  String header(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  /** Whether a header's value lists {@code token} (comma-separated, case-insensitive). */
  boolean hasToken(String name, String token) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        for (String part : headers[i + 1].split(",")) {
          if (part.trim().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Where the head that starts at {@code from} ends (the index after its empty line), or -1 when
   * it has not all arrived. Lines end in CRLF or a bare LF.
   */
  static int end(byte[] buf, int from, int length) {
    for (int i = from; i < length; i++) {
      if (buf[i] == '\n') {
        if (i + 1 < length && buf[i + 1] == '\n') {
          return i + 2;
        }
        if (i + 2 < length && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
          return i + 3;
        }
      }
    }
    return -1;
  }

  /** Parses the head in {@code buf[0, end)} (leading empty lines skipped already). */
  static RequestHead parse(byte[] buf, int end) throws Refusal {
    int pos = 0;
    int lineEnd = lineEnd(buf, pos, end);
    String line = line(buf, pos, lineEnd);
    pos = next(buf, lineEnd);
    int sp1 = line.indexOf(' ');
    int sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp1 + 1) != sp2) {
      throw new Refusal(400, "malformed request line");
    }
    String method = line.substring(0, sp1);
    String target = line.substring(sp1 + 1, sp2);
    String version = line.substring(sp2 + 1);
    if (!isToken(method)) {
      throw new Refusal(400, "malformed method");
    }
    boolean http10;
    if (version.equals("HTTP/1.1")) {
      http10 = false;
    } else if (version.equals("HTTP/1.0")) {
      http10 = true;
    } else if (version.startsWith("HTTP/")) {
      throw new Refusal(505, "HTTP version not supported");
    } else {
      throw new Refusal(400, "malformed request line");
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '#') {
        throw new Refusal(400, "malformed request target");
      }
    }
    if (!target.startsWith("/")) {
      // absolute form (a server must accept it): only its path and query count
      int scheme = target.indexOf("://");
      if (scheme < 0 || !(target.regionMatches(true, 0, "http", 0, scheme)
          || target.regionMatches(true, 0, "https", 0, scheme))) {
        throw new Refusal(400, "malformed request target");
      }
      int slash = target.indexOf('/', scheme + 3);
      int question = target.indexOf('?', scheme + 3);
      if (slash < 0 || question >= 0 && question < slash) {
        target = "/" + (question < 0 ? "" : target.substring(question));
      } else {
        target = target.substring(slash);
      }
    }
    int q = target.indexOf('?');
    String rawPath = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);

    String[] headers = new String[16];
    int count = 0;
    long length = -1;
    boolean chunked = false;
    boolean transferEncoding = false;
    boolean host = false;
    while (pos < end) {
      lineEnd = lineEnd(buf, pos, end);
      if (lineEnd == pos) {
        break; // the empty line
      }
      if (buf[pos] == ' ' || buf[pos] == '\t') {
        throw new Refusal(400, "folded header line");
      }
      int colon = -1;
      for (int i = pos; i < lineEnd; i++) {
        if (buf[i] == ':') {
          colon = i;
          break;
        }
      }
      if (colon <= pos) {
        throw new Refusal(400, "malformed header line");
      }
      String name = new String(buf, pos, colon - pos, StandardCharsets.ISO_8859_1);
      if (!isToken(name)) {
        throw new Refusal(400, "malformed header name");
      }
      int vs = colon + 1;
      int ve = lineEnd;
      while (vs < ve && (buf[vs] == ' ' || buf[vs] == '\t')) {
        vs++;
      }
      while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
        ve--;
      }
      for (int i = vs; i < ve; i++) {
        int c = buf[i] & 0xff;
        if (c < 0x20 && c != '\t' || c == 0x7f) {
          throw new Refusal(400, "control character in a header value");
        }
      }
      String value = new String(buf, vs, ve - vs, StandardCharsets.ISO_8859_1);
      if (count / 2 >= NioHttpServer.MAX_HEADERS) {
        throw new Refusal(431, "too many header fields");
      }
      if (count == headers.length) {
        headers = Arrays.copyOf(headers, count * 2);
      }
      headers[count++] = name;
      headers[count++] = value;
      if (name.equalsIgnoreCase("Content-Length")) {
        long l = parseLength(value);
        if (length >= 0 && l != length) {
          throw new Refusal(400, "conflicting Content-Length headers");
        }
        length = l;
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        if (transferEncoding || !value.equalsIgnoreCase("chunked")) {
          throw new Refusal(501, "transfer coding not supported: only chunked is");
        }
        transferEncoding = true;
        chunked = true;
      } else if (name.equalsIgnoreCase("Host")) {
        if (host) {
          throw new Refusal(400, "more than one Host header");
        }
        host = true;
      }
      pos = next(buf, lineEnd);
    }
    if (chunked && length >= 0) {
      throw new Refusal(400, "both Content-Length and Transfer-Encoding");
    }
    if (chunked && http10) {
      throw new Refusal(400, "Transfer-Encoding in an HTTP/1.0 request");
    }
    if (!host && !http10) {
      throw new Refusal(400, "no Host header");
    }
    return new RequestHead(method, rawPath, query, http10, Arrays.copyOf(headers, count), length,
        chunked);
  }

  private static long parseLength(String value) throws Refusal {
    if (value.isEmpty() || value.length() > 18) {
      throw new Refusal(400, "malformed Content-Length");
    }
    long l = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new Refusal(400, "malformed Content-Length");
      }
      l = l * 10 + (c - '0');
    }
    return l;
  }

  /** The end of the line starting at {@code from}, before its CR LF or LF. */
  private static int lineEnd(byte[] buf, int from, int end) throws Refusal {
    for (int i = from; i < end; i++) {
      if (buf[i] == '\n') {
        return i > from && buf[i - 1] == '\r' ? i - 1 : i;
      }
      if (buf[i] == '\r' && (i + 1 >= end || buf[i + 1] != '\n')) {
        throw new Refusal(400, "bare CR in the request head");
      }
    }
    return end;
  }

  private static int next(byte[] buf, int lineEnd) {
    return buf[lineEnd] == '\r' ? lineEnd + 2 : lineEnd + 1;
  }

  private static String line(byte[] buf, int from, int to) throws Refusal {
    for (int i = from; i < to; i++) {
      int c = buf[i] & 0xff;
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw new Refusal(400, "control character in the request line");
      }
    }
    return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Decodes percent escapes in a path as UTF-8; null when an escape is malformed. */
  static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    byte[] out = new byte[raw.length()];
    int n = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else {
        out[n++] = (byte) c;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }
}
