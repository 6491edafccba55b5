package dev.mcpkit.auth.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyStore} must do. */
public abstract class ApiKeyStoreContract {
  protected abstract ApiKeyStore newStore() throws Exception;

  private static byte[] hash(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes());
  }

  private static ApiKeyRecord record(String id, String key) throws Exception {
    return new ApiKeyRecord(id, hash(key), "svc-" + id, Set.of("read"), Instant.EPOCH);
  }

  @Test
  public void aKeyIsFoundByItsHash() throws Exception {
    ApiKeyStore store = newStore();
    store.put(record("k1", "secret-one"));
    ApiKeyRecord found = store.findBySha256(hash("secret-one"));
    assertThat(found).isEqualTo(record("k1", "secret-one"));
    assertThat(store.findBySha256(hash("secret-two"))).isNull();
  }

  @Test
  public void aRevokedKeyIsNeverFoundAgain() throws Exception {
    ApiKeyStore store = newStore();
    store.put(record("k1", "secret-one"));
    assertThat(store.remove("k1")).isTrue();
    assertThat(store.remove("k1")).isFalse();
    assertThat(store.findBySha256(hash("secret-one"))).isNull();
    assertThat(store.list()).isEmpty();
  }

  @Test
  public void puttingAnExistingIdReplacesItsHash() throws Exception {
    ApiKeyStore store = newStore();
    store.put(record("k1", "old-key"));
    store.put(record("k1", "new-key"));
    assertThat(store.findBySha256(hash("old-key"))).isNull();
    assertThat(store.findBySha256(hash("new-key"))).isNotNull();
    assertThat(store.list()).hasSize(1);
  }
}
