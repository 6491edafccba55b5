package dev.mcpkit.server;

import dev.mcpkit.core.schema.Resources.ResourceContents;
import java.util.List;
import java.util.Map;

/**
 * Reads a resource. For a template, {@code variables} holds the values the URI filled in (decoded);
 * for a fixed resource it is empty. Return at least one contents entry; throw {@link
 * dev.mcpkit.core.McpProtocolException} for protocol errors.
 */
@FunctionalInterface
public interface ResourceReader {
  List<ResourceContents> read(String uri, Map<String, String> variables, CallContext context)
      throws Exception;
}
