package dev.mcpkit.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes values mirrored into HTTP headers (2026-07-28 {@code Mcp-Name} and {@code Mcp-Param-*}):
 * plain when they are visible ASCII without surrounding whitespace, otherwise
 * {@code =?base64?...?=} of their UTF-8 bytes.
 */
public final class HeaderValues {
  private HeaderValues() {}

  public static String encode(String value) {
    if (isPlain(value)) {
      return value;
    }
    return "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  private static boolean isPlain(String value) {
    if (value.isEmpty()) {
      return true;
    }
    if (value.startsWith("=?base64?") && value.endsWith("?=")) {
      return false;
    }
    char first = value.charAt(0);
    char last = value.charAt(value.length() - 1);
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c == ' ' || c == '\t' || (c >= 0x21 && c <= 0x7e))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} is an HTTP field-name token ({@code 1*tchar}, RFC 9110). */
  public static boolean isToken(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
