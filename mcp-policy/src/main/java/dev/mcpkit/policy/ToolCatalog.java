package dev.mcpkit.policy;

import dev.mcpkit.core.schema.Tools.Tool;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every tool a registered server offers, as discovered with an organization admin's or a shared
 * connection's credentials, so that admins can set permissions before any user connects. Kept in a
 * {@link dev.mcpkit.policy.spi.ToolCatalogStore}; refreshed on demand and when the server announces
 * {@code notifications/tools/list_changed}.
 *
 * @param serverId the registered server
 * @param tools its tools, in the server's order
 * @param discoveredAt when they were listed
 * @param discoveredWith whose credentials listed them (a connection's name, never a credential)
 */
public record ToolCatalog(String serverId, List<Tool> tools, Instant discoveredAt,
    String discoveredWith) {
  public ToolCatalog {
    Objects.requireNonNull(serverId, "serverId");
    tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
    Objects.requireNonNull(discoveredAt, "discoveredAt");
    Objects.requireNonNull(discoveredWith, "discoveredWith");
  }
}
