/**
 * What a host implements to keep mcp-auth's state: where encrypted tokens and API keys live
 * ({@link dev.mcpkit.auth.spi.TokenStore}), the key material that encrypts them
 * ({@link dev.mcpkit.auth.spi.KeySource}, {@link dev.mcpkit.auth.spi.SecretCipher}), pending
 * authorizations between "connect" and the callback ({@link dev.mcpkit.auth.spi.PendingAuthorizationStore})
 * and the server side's hashed API keys ({@link dev.mcpkit.auth.spi.ApiKeyStore}).
 *
 * <p>Every SPI has an in-memory default and an abstract contract test in mcp-auth's test jar that host
 * implementations extend. Stores only ever receive ciphertext or hashes: encryption happens before a
 * value reaches them.
 */
package dev.mcpkit.auth.spi;
