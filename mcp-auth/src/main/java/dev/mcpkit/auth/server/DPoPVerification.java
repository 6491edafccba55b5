package dev.mcpkit.auth.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.AccessTokenValidationException;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPNonceException;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.mcpkit.auth.internal.DPoPNonces;
import dev.mcpkit.auth.internal.ReplayCache;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * DPoP proof verification for a resource server (RFC 9449 section 7): the settings of
 * {@link JwtBearerAuthenticator.Builder#dpop(DPoPVerification)}. A request with
 * {@code Authorization: DPoP <token>} must carry one {@code DPoP} proof that Nimbus's
 * {@link DPoPProtectedResourceRequestVerifier} accepts (type {@code dpop+jwt}, an asymmetric algorithm,
 * signature by the embedded public key, {@code htm} = the request's method, {@code htu} = its URI
 * without query, {@code ath} = the token's hash, the key's thumbprint = the token's {@code cnf.jkt}) and
 * that this class finds fresh ({@code iat} within {@link Builder#maxProofAge} of the injected clock,
 * plus {@link Builder#clockSkew}) and unused ({@code jti} not seen within that window, remembered in a
 * bounded cache). Optionally the proof must carry a server nonce ({@link Builder#requireNonce}).
 *
 * <p>Thread-safe. The replay cache lives in this object: one per server process. Several instances
 * behind a load balancer each keep their own, so a proof replayed to another instance within
 * {@link Builder#maxProofAge} is not caught; keep the window short there. Nonces derived from a shared
 * key are accepted by every instance.
 */
public final class DPoPVerification {
  /** The proof algorithms accepted: the asymmetric ones Nimbus's verifier checks (no EdDSA). */
  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
      JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
  /** Nimbus's own iat window is set wide open: freshness is judged here, by the injected clock. */
  private static final long UNBOUNDED_SECONDS = 100L * 365 * 24 * 3600;

  private final Clock clock;
  private final Duration maxAge;
  private final Duration skew;
  private final boolean required;
  private final DPoPNonces nonces;
  private final ReplayCache replays;
  private final DPoPProtectedResourceRequestVerifier verifier =
      new DPoPProtectedResourceRequestVerifier(new java.util.HashSet<>(ALGORITHMS),
          UNBOUNDED_SECONDS, UNBOUNDED_SECONDS,
          null);

  private DPoPVerification(Builder b) {
    this.clock = b.clock;
    this.maxAge = b.maxAge;
    this.skew = b.skew;
    this.required = b.required;
    this.nonces = b.nonceKey == null ? null : new DPoPNonces(b.nonceKey, b.nonceLifetime, clock);
    this.replays = new ReplayCache(clock, b.replayCacheSize);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether bearer (not sender-constrained) tokens are refused. */
  public boolean required() {
    return required;
  }

  /** The outcome of checking one proof: null description means accepted. */
  record Outcome(String error, String description, String nonce) {
    static final Outcome OK = new Outcome(null, null, null);
  }

  Outcome check(String method, URI requestUri, String proofHeader, String token,
      JWTClaimsSet tokenClaims) {
    if (proofHeader == null || proofHeader.isBlank()) {
      return invalid("the request carries no DPoP proof header");
    }
    if (proofHeader.indexOf(',') >= 0) {
      return invalid("the request carries more than one DPoP proof");
    }
    JWKThumbprintConfirmation cnf = JWKThumbprintConfirmation.parse(tokenClaims);
    if (cnf == null) {
      return new Outcome("invalid_token", "the token is not bound to a DPoP key (no cnf.jkt)",
          null);
    }
    SignedJWT proof;
    JWTClaimsSet claims;
    try {
      proof = SignedJWT.parse(proofHeader);
      claims = proof.getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      return invalid("the DPoP proof is not a signed JWT");
    }
    Set<Nonce> accepted = nonces == null ? null : new LinkedHashSet<>(nonces.accepted());
    try {
      verifier.verify(method, withoutQuery(requestUri), new DPoPIssuer(cnf.getValue().toString()),
          proof, new DPoPAccessToken(token), cnf, accepted, null);
    } catch (InvalidDPoPNonceException e) {
      return new Outcome("use_dpop_nonce", "the DPoP proof must carry the server's current nonce",
          nonces.current());
    } catch (InvalidDPoPProofException e) {
      return invalid(describe(e.getMessage()));
    } catch (AccessTokenValidationException e) {
      return invalid("the DPoP proof was signed with another key than the token is bound to");
    } catch (JOSEException | RuntimeException e) {
      return invalid("the DPoP proof could not be verified");
    }
    Date iat = claims.getIssueTime();
    Instant now = clock.instant();
    if (iat == null) {
      return invalid("the DPoP proof has no iat");
    }
    Instant issued = iat.toInstant();
    if (issued.isAfter(now.plus(skew))) {
      return invalid("the DPoP proof was issued in the future (iat); check the client's clock");
    }
    if (issued.isBefore(now.minus(maxAge).minus(skew))) {
      return invalid("the DPoP proof is too old (iat more than " + maxAge.toSeconds()
          + " s ago); send a fresh proof with every request");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank() || jti.length() > 256) {
      return invalid("the DPoP proof needs a jti of at most 256 characters");
    }
    long until = issued.plus(maxAge).plus(skew).plus(skew).toEpochMilli();
    ReplayCache.Use use = replays.firstUse(cnf.getValue() + " " + jti, until);
    if (use == ReplayCache.Use.REPLAYED) {
      return invalid("the DPoP proof was already used (jti); send a fresh proof with every request");
    }
    if (use == ReplayCache.Use.FULL) {
      return invalid("too many DPoP proofs within " + maxAge.toSeconds()
          + " s for this server to remember; retry shortly");
    }
    return Outcome.OK;
  }

  /** The nonce to announce in a challenge, or null without nonces. */
  String currentNonce() {
    return nonces == null ? null : nonces.current();
  }

  private static Outcome invalid(String description) {
    return new Outcome("invalid_dpop_proof", description, null);
  }

  /** A fixed description of why Nimbus refused a proof, matched on the phrases of its checks. */
  private static String describe(String message) {
    String m = String.valueOf(message).toLowerCase(Locale.ROOT);
    if (m.contains("htm")) {
      return "the DPoP proof was made for another HTTP method (htm)";
    }
    if (m.contains("htu")) {
      return "the DPoP proof was made for another URI (htu)";
    }
    if (m.contains("ath") || m.contains("access token hash")) {
      return "the DPoP proof is not bound to this access token (ath)";
    }
    if (m.contains("typ")) {
      return "the DPoP proof is not of type dpop+jwt";
    }
    if (m.contains("alg")) {
      return "the DPoP proof uses an algorithm this server does not accept";
    }
    if (m.contains("signature")) {
      return "the DPoP proof signature does not verify";
    }
    if (m.contains("jti")) {
      return "the DPoP proof needs a jti";
    }
    return "the DPoP proof could not be verified";
  }

  static URI withoutQuery(URI uri) {
    try {
      return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a request URI: " + uri, e);
    }
  }

  @Override
  public String toString() {
    return "DPoPVerification[maxProofAge=" + maxAge + ", required=" + required
        + ", nonce=" + (nonces != null) + "]";
  }

  /** Builds {@link DPoPVerification}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = Duration.ofSeconds(60);
    private Duration skew = Duration.ofSeconds(5);
    private int replayCacheSize = 100_000;
    private boolean required;
    private byte[] nonceKey;
    private Duration nonceLifetime;

    private Builder() {}

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How old a proof's {@code iat} may be; default 60 seconds. */
    public Builder maxProofAge(Duration maxAge) {
      this.maxAge = positive(maxAge, "maxProofAge");
      return this;
    }

    /** Tolerance for clocks that disagree, both ways; default 5 seconds. */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "clockSkew");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("clockSkew must not be negative, got " + skew);
      }
      this.skew = skew;
      return this;
    }

    /**
     * How many proofs are remembered against replay within the window; default 100,000. When that
     * many unexpired proofs have been seen, new ones are refused until some expire.
     */
    public Builder replayCacheSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("replayCacheSize must be >= 1, got " + size);
      }
      this.replayCacheSize = size;
      return this;
    }

    /** Refuse bearer tokens: every request must be sender-constrained with DPoP. Default false. */
    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    /**
     * Require a server nonce in every proof (RFC 9449 section 9). Nonces are derived from {@code key}
     * (at least 32 bytes; share it between instances of one server) and the time, change every
     * {@code lifetime}, and the previous one stays accepted for one more period.
     */
    public Builder requireNonce(byte[] key, Duration lifetime) {
      if (key == null || key.length < 32) {
        throw new IllegalArgumentException("the nonce key needs at least 32 bytes");
      }
      this.nonceKey = key.clone();
      this.nonceLifetime = positive(lifetime, "lifetime");
      return this;
    }

    public DPoPVerification build() {
      return new DPoPVerification(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
