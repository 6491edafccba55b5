package dev.mcpkit.auth.spi;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * One API key as the server keeps it: never the key itself, only its SHA-256 hash, and the principal the
 * key stands for.
 *
 * @param id a public, non-secret id to list and revoke the key by
 * @param sha256 the SHA-256 hash of the key's UTF-8 bytes (32 bytes)
 * @param subject the principal a request with this key acts as
 * @param scopes the scopes such a request is granted
 * @param createdAt when the key was issued
 */
public record ApiKeyRecord(
    String id, byte[] sha256, String subject, Set<String> scopes, Instant createdAt) {
  public ApiKeyRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(createdAt, "createdAt");
    if (sha256 == null || sha256.length != 32) {
      throw new IllegalArgumentException("sha256 must be a 32-byte SHA-256 hash");
    }
    sha256 = sha256.clone();
    scopes = Set.copyOf(scopes);
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  /** The hash as lower-case hex, a convenient index for stores. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiKeyRecord r
        && id.equals(r.id)
        && java.util.Arrays.equals(sha256, r.sha256)
        && subject.equals(r.subject)
        && scopes.equals(r.scopes)
        && createdAt.equals(r.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, subject, scopes, createdAt) * 31 + java.util.Arrays.hashCode(sha256);
  }

  @Override
  public String toString() {
    return "ApiKeyRecord[id=" + id + ", subject=" + subject + ", scopes=" + scopes + "]";
  }
}
