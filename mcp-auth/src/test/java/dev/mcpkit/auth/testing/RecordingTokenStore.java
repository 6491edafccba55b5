package dev.mcpkit.auth.testing;

import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.auth.spi.TokenStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A token store that remembers every value it was given, to prove it only ever saw ciphertext. */
public final class RecordingTokenStore implements TokenStore {
  public final InMemoryTokenStore delegate = new InMemoryTokenStore();
  public final List<byte[]> written = new CopyOnWriteArrayList<>();

  @Override
  public byte[] get(TokenKey key) {
    return delegate.get(key);
  }

  @Override
  public void put(TokenKey key, byte[] ciphertext) {
    written.add(ciphertext.clone());
    delegate.put(key, ciphertext);
  }

  @Override
  public void remove(TokenKey key) {
    delegate.remove(key);
  }

  @Override
  public List<TokenKey> keys(TokenOwner owner) {
    return delegate.keys(owner);
  }

  public boolean sawPlaintext(String secret) {
    byte[] needle = secret.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (byte[] value : written) {
      String hay = new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (hay.contains(new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1))) {
        return true;
      }
    }
    return false;
  }
}
