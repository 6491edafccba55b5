package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.DPoPTokenError;
import java.util.List;
import java.util.Locale;

/** Reads {@code WWW-Authenticate: DPoP ...} challenges (RFC 9449 section 7.1) with Nimbus. */
public final class DPoPChallenge {
  private DPoPChallenge() {}

  /** Whether a DPoP challenge among {@code headerValues} has {@code error="use_dpop_nonce"}. */
  public static boolean useNonce(List<String> headerValues) {
    for (String value : headerValues) {
      for (String challenge : AuthParams.splitChallenges(value)) {
        if (!isDPoP(challenge)) {
          continue;
        }
        try {
          if (DPoPTokenError.USE_DPOP_NONCE.getCode().equals(
              DPoPTokenError.parse(challenge).getCode())) {
            return true;
          }
        } catch (ParseException | RuntimeException e) {
          // not a challenge Nimbus can read: not a nonce request
        }
      }
    }
    return false;
  }

  static boolean isDPoP(String challenge) {
    String lower = challenge.toLowerCase(Locale.ROOT);
    return lower.equals("dpop") || lower.startsWith("dpop ");
  }
}
