package dev.mcpkit.examples.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A browser's session: who it acts as (the user switcher, a stand-in for real sign-in) and its CSRF
 * token, which every form posts back. Only the random session id travels in the cookie.
 */
final class Session {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String id = random();
  private final String csrf = random();
  private volatile String userId;
  /** A message to show once on the next page (after a redirect). */
  private volatile String flash;

  Session(String userId) {
    this.userId = userId;
  }

  String id() {
    return id;
  }

  String csrf() {
    return csrf;
  }

  String userId() {
    return userId;
  }

  void actAs(String user) {
    this.userId = user;
  }

  void flash(String message) {
    this.flash = message;
  }

  /** The pending message, once. */
  String takeFlash() {
    String f = flash;
    flash = null;
    return f;
  }

  static String random() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
