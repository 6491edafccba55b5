package dev.mcpkit.policy.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Argument checks whose messages name the field and say what is allowed. */
public final class Checks {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private Checks() {}

  public static String notBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be blank");
    }
    return value;
  }

  public static String id(String value, String field) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be 1-64 of A-Z a-z 0-9 _ - . but was '"
          + value + "'");
    }
    return value;
  }

  public static void maxLength(String value, int max, String field) {
    if (value.length() > max) {
      throw new IllegalArgumentException(field + " is " + value.length()
          + " characters; at most " + max + " are allowed");
    }
  }

  /** An absolute URL: https anywhere, http only on a loopback host. */
  public static URI httpUrl(URI url, String field) {
    if (url == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(field + " must be an https URL, but was '" + url + "'");
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(field + " has no host: '" + url + "'");
    }
    if (scheme.equals("http") && !isLoopback(host)) {
      throw new IllegalArgumentException(field + " must use https (plain http is allowed only for "
          + "localhost and 127.0.0.1), but was '" + url + "'");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(field + " must not contain user info: '" + url.getHost()
          + "'");
    }
    return url;
  }

  public static void headerName(String name, String field) {
    if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
      throw new IllegalArgumentException(field + " is not a valid header name: '" + name + "'");
    }
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }
}
