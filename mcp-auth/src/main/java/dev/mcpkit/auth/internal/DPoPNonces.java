package dev.mcpkit.auth.internal;

import com.nimbusds.openid.connect.sdk.Nonce;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces for DPoP (RFC 9449 section 9) without shared state: the nonce of a period is an
 * HMAC-SHA256 of the period's number under a key the server's instances share, so every instance
 * issues and accepts the same values. The current and the previous period's nonces are accepted.
 */
public final class DPoPNonces {
  private final SecretKeySpec key;
  private final long periodMillis;
  private final Clock clock;

  public DPoPNonces(byte[] key, Duration lifetime, Clock clock) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.periodMillis = lifetime.toMillis();
    this.clock = clock;
  }

  /** The nonce to hand out now. */
  public String current() {
    return nonce(period());
  }

  /** The nonces a proof may carry now. */
  public List<Nonce> accepted() {
    long period = period();
    return List.of(new Nonce(nonce(period)), new Nonce(nonce(period - 1)));
  }

  private long period() {
    return Math.floorDiv(clock.millis(), periodMillis);
  }

  private String nonce(long period) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(ByteBuffer.allocate(8).putLong(period).array());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
