package dev.mcpkit.opentelemetry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code mcp.session.id} carries. A Streamable HTTP session id lets whoever holds it act in the
 * session, so by default spans carry a digest of it (the first 16 bytes of its SHA-256, in hex): the
 * same on client and server, useless as a credential. Digests are remembered (bounded).
 */
public final class SessionIds {
  private static final int MAX_REMEMBERED = 10_000;
  private final boolean raw;
  private final Map<String, String> digests = new ConcurrentHashMap<>();

  public SessionIds(boolean raw) {
    this.raw = raw;
  }

  String attribute(String sessionId) {
    if (sessionId == null || raw) {
      return sessionId;
    }
    String known = digests.get(sessionId);
    if (known != null) {
      return known;
    }
    String digest = digest(sessionId);
    if (digests.size() >= MAX_REMEMBERED) {
      digests.clear();
    }
    digests.put(sessionId, digest);
    return digest;
  }

  static String digest(String sessionId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
