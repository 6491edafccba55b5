package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.spi.RequestStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code requestState} of 2026-07-28 {@code input_required} answers: the handler's state and
 * the answers gathered so far, HMAC-SHA256 protected with the host's key, bound to the request
 * (method, name, arguments, caller), expiring, and accepted once.
 *
 * <p>Format: {@code base64url(json) "." base64url(hmac(json))}. The key and the record of accepted
 * nonces come from a {@link RequestStateStore}: per JVM by default, across instances when the store
 * is shared. The key is read on first use and kept.
 */
final class RequestStates {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final RequestStateStore store;
  private final long ttlMillis;
  private volatile SecretKeySpec key;

  private final java.time.Clock clock;

  RequestStates(RequestStateStore store, Duration ttl, java.time.Clock clock) {
    this.store = store;
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
  }

  /** What a verified state carries. */
  record Envelope(JsonNode state, ObjectNode responses) {}

  /** Issues a state for the next attempt of the request {@code binding} describes. */
  String issue(String binding, JsonNode state, ObjectNode responses) {
    ObjectNode payload = McpJson.object();
    payload.put("b", digest(binding));
    payload.put("e", clock.millis() + ttlMillis);
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    payload.put("n", B64.encodeToString(nonce));
    if (state != null && !state.isNull()) {
      payload.set("s", state);
    }
    if (responses != null && !responses.isEmpty()) {
      payload.set("r", responses);
    }
    byte[] json = McpJson.write(payload).getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(json) + "." + B64.encodeToString(mac(json));
  }

  /**
   * Checks a state the client echoed and consumes it.
   *
   * @throws McpProtocolException -32602 when it was altered, expired, used before, or belongs to
   *     another request
   */
  Envelope verify(String token, String binding) {
    int dot = token.indexOf('.');
    byte[] json;
    byte[] mac;
    try {
      json = B64D.decode(token.substring(0, Math.max(dot, 0)));
      mac = B64D.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw rejected("it is not a state this server issued (altered or truncated)");
    }
    if (dot <= 0 || !MessageDigest.isEqual(mac, mac(json))) {
      throw rejected("its integrity check failed (it was altered)");
    }
    JsonNode payload;
    try {
      payload = McpJson.mapper().readTree(json);
    } catch (IOException e) {
      throw rejected("it is not a state this server issued");
    }
    if (!digest(binding).equals(payload.path("b").asText())) {
      throw rejected("it belongs to another request (method, name, arguments or caller differ)");
    }
    long expiry = payload.path("e").asLong();
    if (expiry < clock.millis()) {
      throw rejected("it expired; start the request again without requestState");
    }
    if (!store.claim(payload.path("n").asText(), Instant.ofEpochMilli(expiry))) {
      throw rejected("it was already used; each requestState is accepted once");
    }
    JsonNode r = payload.get("r");
    return new Envelope(payload.get("s"), r instanceof ObjectNode o ? o : McpJson.object());
  }

  private static McpProtocolException rejected(String why) {
    return McpProtocolException.invalidParams("Invalid params: requestState rejected: " + why);
  }

  private byte[] mac(byte[] data) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key());
      return m.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec k = key;
    if (k == null) {
      k = new SecretKeySpec(store.key(), "HmacSHA256");
      key = k;
    }
    return k;
  }

  private static String digest(String binding) {
    try {
      return B64.encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(binding.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** What binds a state to its request: method, name, caller and arguments (key order ignored). */
  static String binding(String method, String name, String subject, JsonNode arguments) {
    StringBuilder sb = new StringBuilder(method).append('\n').append(name).append('\n')
        .append(subject).append('\n');
    canonical(arguments, sb);
    return sb.toString();
  }

  private static void canonical(JsonNode node, StringBuilder sb) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      sb.append('{');
      for (String n : names) {
        quote(n, sb).append(':');
        canonical(o.get(n), sb);
        sb.append(',');
      }
      sb.append('}');
    } else if (node instanceof ArrayNode a) {
      sb.append('[');
      for (JsonNode e : a) {
        canonical(e, sb);
        sb.append(',');
      }
      sb.append(']');
    } else if (node.isNumber()) {
      sb.append(node.decimalValue().stripTrailingZeros().toPlainString());
    } else if (node.isTextual()) {
      quote(node.textValue(), sb);
    } else {
      sb.append(node);
    }
  }

  /** A JSON string literal, escaped as Jackson writes it, without a generator per string. */
  private static StringBuilder quote(String s, StringBuilder sb) {
    sb.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    return sb.append('"');
  }
}
