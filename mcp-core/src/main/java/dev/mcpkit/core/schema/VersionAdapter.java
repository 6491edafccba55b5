package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fits a serialised message to one protocol version.
 *
 * @deprecated the revision object owns this now: use {@link ProtocolRevision#shapeParams} and
 *     {@link ProtocolRevision#shapeResult} of {@link ProtocolRevision#of(ProtocolVersion)}.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class VersionAdapter {
  private VersionAdapter() {}

  /** Same as {@code ProtocolRevision.of(version).shapeParams(method, params)}. */
  public static ObjectNode adaptParams(ProtocolVersion version, String method, JsonNode params) {
    return ProtocolRevision.of(version).shapeParams(method, params);
  }

  /** Same as {@code ProtocolRevision.of(version).shapeResult(method, result)}. */
  public static ObjectNode adaptResult(ProtocolVersion version, String method, JsonNode result) {
    return ProtocolRevision.of(version).shapeResult(method, result);
  }
}
