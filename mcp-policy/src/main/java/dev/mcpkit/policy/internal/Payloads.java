package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.policy.PayloadPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies a server's {@link PayloadPolicy}: to what the activity log keeps (the shape, or nothing),
 * and to what the approval store keeps (arguments encrypted under every policy but FULL).
 */
public final class Payloads {
  /** The key of a sealed argument object: {@code {"$sealed": "<base64 ciphertext>"}}. */
  static final String SEALED = "$sealed";
  private static final String MASK = "[REDACTED]";

  private Payloads() {}

  /** What the log keeps of an already redacted payload under {@code policy}. */
  public static JsonNode logged(PayloadPolicy policy, JsonNode redacted) {
    if (redacted == null || policy == PayloadPolicy.FULL) {
      return redacted;
    }
    return policy == PayloadPolicy.METADATA_ONLY ? null : shape(redacted);
  }

  /** Every key kept, every value masked. */
  public static JsonNode shape(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), shape(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(shape(n)));
      return out;
    }
    return node.isNull() ? node : JsonNodeFactory.instance.textNode(MASK);
  }

  /** The arguments an approval request keeps: as given (FULL) or sealed under its id. */
  static ObjectNode stored(PayloadPolicy policy, SecretCipher cipher, String approvalId,
      ObjectNode args) throws IOException {
    if (policy == PayloadPolicy.FULL) {
      return args;
    }
    try {
      byte[] sealed = cipher.encrypt(McpJson.write(args).getBytes(StandardCharsets.UTF_8),
          ad(approvalId));
      return JsonNodeFactory.instance.objectNode().put(SEALED,
          Base64.getEncoder().encodeToString(sealed));
    } catch (GeneralSecurityException e) {
      throw new IOException("could not encrypt the arguments of approval '" + approvalId + "'", e);
    }
  }

  /** The exact arguments of an approval request, unsealed if they were sealed. */
  static ObjectNode unsealed(SecretCipher cipher, String approvalId, ObjectNode stored)
      throws IOException {
    if (!isSealed(stored)) {
      return stored;
    }
    try {
      byte[] plain = cipher.decrypt(Base64.getDecoder().decode(stored.get(SEALED).asText()),
          ad(approvalId));
      return (ObjectNode) McpJson.mapper().readTree(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IOException("the stored arguments of approval '" + approvalId
          + "' cannot be decrypted (altered, or sealed under an unknown key)", e);
    }
  }

  static boolean isSealed(ObjectNode stored) {
    return stored.size() == 1 && stored.path(SEALED).isTextual();
  }

  private static byte[] ad(String approvalId) {
    return ("mcpkit-approval:" + approvalId).getBytes(StandardCharsets.UTF_8);
  }
}
