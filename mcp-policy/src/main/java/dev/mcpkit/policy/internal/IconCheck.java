package dev.mcpkit.policy.internal;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A server's icon: a {@code data:} URI holding a small PNG, JPEG, GIF or WebP image whose bytes are
 * what the type says, or an https URL (http on loopback). SVG is refused: it can carry script.
 */
public final class IconCheck {
  /** The most bytes a {@code data:} icon may decode to. */
  public static final int MAX_BYTES = 64 * 1024;
  /** The longest icon URL. */
  public static final int MAX_URL_LENGTH = 2048;
  private static final Map<String, byte[]> MAGIC = Map.of(
      "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
      "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      "image/gif", new byte[] {'G', 'I', 'F', '8'},
      "image/webp", new byte[] {'R', 'I', 'F', 'F'});

  private IconCheck() {}

  /** Checks {@code icon} (null is fine: no icon); the message says what is allowed. */
  public static void check(URI icon) {
    if (icon == null) {
      return;
    }
    if (!"data".equalsIgnoreCase(icon.getScheme())) {
      if (icon.toString().length() > MAX_URL_LENGTH) {
        throw new IllegalArgumentException("icon URL is " + icon.toString().length()
            + " characters; at most " + MAX_URL_LENGTH + " are allowed");
      }
      Checks.httpUrl(icon, "icon");
      return;
    }
    String text = icon.getRawSchemeSpecificPart();
    // base64 of MAX_BYTES plus a header: refuse anything longer before decoding it
    if (text.length() > MAX_BYTES / 3 * 4 + 64) {
      throw new IllegalArgumentException("icon is larger than " + MAX_BYTES / 1024
          + " KiB; upload a smaller PNG, JPEG, GIF or WebP image");
    }
    int comma = text.indexOf(',');
    String header = comma < 0 ? text : text.substring(0, comma).toLowerCase(Locale.ROOT);
    if (comma < 0 || !header.endsWith(";base64")) {
      throw new IllegalArgumentException("icon must be a base64 data: URI "
          + "(data:image/png;base64,...), an https URL, or none");
    }
    String type = header.substring(0, header.length() - ";base64".length());
    byte[] magic = MAGIC.get(type);
    if (magic == null) {
      throw new IllegalArgumentException("icon type '" + type + "' is not allowed; use image/png, "
          + "image/jpeg, image/gif or image/webp (SVG is refused: it can carry script)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.substring(comma + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("icon data is not valid base64: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("icon is " + bytes.length + " bytes; at most " + MAX_BYTES
          + " are allowed");
    }
    if (!startsWith(bytes, magic)
        || (type.equals("image/webp") && !(bytes.length >= 12 && bytes[8] == 'W'
            && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P'))) {
      throw new IllegalArgumentException("icon says it is " + type
          + " but its bytes are not that kind of image");
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
