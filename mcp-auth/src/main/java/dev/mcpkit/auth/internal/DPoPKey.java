package dev.mcpkit.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.mcpkit.auth.McpAuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The proof-of-possession key of one DPoP-bound credential (RFC 9449): an EC P-256 key generated when
 * the credential is first obtained, kept (encrypted, with the tokens) for as long as the credential
 * lives, and used to sign a fresh proof for every token request and every request that presents the
 * token. Proofs are built by Nimbus's {@link DefaultDPoPProofFactory}; each carries a new {@code jti}.
 */
public final class DPoPKey {
  private final ECKey key;
  private final DefaultDPoPProofFactory factory;

  private DPoPKey(ECKey key) {
    this.key = key;
    try {
      this.factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign DPoP proofs with an EC P-256 key", e);
    }
  }

  /** A new key for a new credential. */
  public static DPoPKey generate() {
    try {
      return new DPoPKey(new ECKeyGenerator(Curve.P_256).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an EC P-256 key", e);
    }
  }

  /** The key stored with a credential, or null when the credential is not DPoP-bound. */
  public static DPoPKey fromJson(String json) throws McpAuthException {
    if (json == null) {
      return null;
    }
    try {
      return new DPoPKey(ECKey.parse(json));
    } catch (java.text.ParseException e) {
      throw new McpAuthException("the stored DPoP key of this credential is unreadable");
    }
  }

  /** Whether the authorization server accepts ES256 DPoP proofs (RFC 9449 section 5.1 metadata). */
  public static boolean supportedBy(AuthorizationServerMetadata metadata) {
    List<JWSAlgorithm> algs = metadata.getDPoPJWSAlgs();
    return algs != null && algs.contains(JWSAlgorithm.ES256);
  }

  /** The private JWK as JSON, for the encrypted token record only. */
  public String toJson() {
    return key.toJSONString();
  }

  /**
   * A proof for one HTTP request: {@code htm} = method, {@code htu} = the URI without query and
   * fragment, {@code ath} = hash of {@code accessToken} when one is presented, {@code nonce} when the
   * server supplied one.
   */
  public String proof(String method, URI target, String accessToken, String nonce)
      throws McpAuthException {
    URI htu = withoutQuery(target);
    Nonce n = nonce == null ? null : new Nonce(nonce);
    try {
      return accessToken == null
          ? factory.createDPoPJWT(method, htu, n).serialize()
          : factory.createDPoPJWT(method, htu, new DPoPAccessToken(accessToken), n).serialize();
    } catch (JOSEException e) {
      throw new McpAuthException("could not sign a DPoP proof: " + e.getMessage());
    }
  }

  static URI withoutQuery(URI uri) {
    try {
      return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URI for a DPoP proof: " + uri, e);
    }
  }

  @Override
  public String toString() {
    return "DPoPKey[EC P-256]";
  }
}
