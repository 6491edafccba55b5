package dev.mcpkit.policy.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of events and correlation ids: unique, not secret, so they come from a fast random source
 * rather than {@code SecureRandom} (approval ids, which must be unguessable, do not use this).
 */
public final class Ids {
  private Ids() {}

  public static String next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID(r.nextLong(), r.nextLong()).toString();
  }
}
