package dev.mcpkit.policy.internal;

import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.schema.Tools.Tool;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.ToolCatalog;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers a server's tool catalogue with credentials an admin controls: the acting admin's own
 * connection, a connected shared connection, or an organization admin's connection, in that order.
 * Refreshed on demand, when such a connection is completed, and when the server announces that its
 * tool list changed (on a background thread: the notification arrives on the client's reader).
 */
public final class CatalogDiscovery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogDiscovery.class);

  private final Stores stores;
  private final Settings settings;
  private final Clients clients;
  private final Catalog catalog;
  private final ToolCatalogStore store;
  private final AuditWriter audit;
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mcpkit-policy-catalog");
    t.setDaemon(true);
    return t;
  });

  CatalogDiscovery(Stores stores, Settings settings, Clients clients, Catalog catalog,
      ToolCatalogStore store, AuditWriter audit) {
    this.stores = stores;
    this.settings = settings;
    this.clients = clients;
    this.catalog = catalog;
    this.store = store;
    this.audit = audit;
  }

  public ToolCatalogStore store() {
    return store;
  }

  /** Lists the server's tools now and stores them; {@code adminId} null for a background refresh. */
  public ToolCatalog refresh(String adminId, String serverId) throws IOException {
    ServerRegistration reg = stores.registry().find(serverId);
    if (reg == null) {
      throw new IllegalArgumentException("no server '" + serverId + "' is registered");
    }
    Connection conn = credentials(adminId, serverId);
    if (conn == null) {
      throw new IllegalStateException("no connection can list the tools of server '" + reg.name()
          + "' yet: connect your own account to it or set up a shared connection, then refresh");
    }
    Map<String, ToolEntry> live;
    try {
      McpClient client = clients.get(reg, conn.tokenOwner());
      live = catalog.refresh(serverId, conn.tokenOwner(), client);
    } catch (IOException | McpProtocolException e) {
      clients.evict(reg, conn.tokenOwner());
      throw new IOException(Connector.serverFailure(reg, e), e);
    }
    List<Tool> tools = new ArrayList<>();
    live.values().forEach(entry -> tools.add(entry.tool()));
    String with = (conn.method() == ConnectionMethod.SHARED ? "shared connection '" : "'"
        + conn.ownerId() + "' through '") + conn.name() + "'";
    ToolCatalog discovered = new ToolCatalog(serverId, tools, settings.clock().instant(), with);
    store.put(discovered);
    audit.record(AuditEvent.Type.ADMIN_CHANGE, new AuditWriter.Subject(adminId, null, serverId,
        null, Ids.next()), null, null, null, null, "catalogue_refreshed", "listed "
        + tools.size() + " tools of server '" + reg.name() + "' with " + with);
    return discovered;
  }

  /** {@link #refresh} when possible; a server without usable credentials yet is not an error. */
  public void tryRefresh(String adminId, String serverId) {
    try {
      refresh(adminId, serverId);
    } catch (IOException | RuntimeException e) {
      LOG.debug("tool catalogue of server '{}' not refreshed: {}", serverId, e.getMessage());
    }
  }

  /** Refreshes in the background (a {@code list_changed} notification). */
  public void refreshLater(String serverId) {
    try {
      background.execute(() -> tryRefresh(null, serverId));
    } catch (RejectedExecutionException closed) {
      // the engine is closing
    }
  }

  /**
   * Whether clients of {@code owner} should listen for {@code tools/list_changed}: shared
   * connections and organization admins, the credentials the catalogue is discovered with. A
   * directory that cannot answer means no.
   */
  boolean listensFor(dev.mcpkit.auth.TokenOwner owner) {
    if (owner.kind() == dev.mcpkit.auth.TokenOwner.Kind.SHARED) {
      return true;
    }
    try {
      Principal p = stores.directory().find(owner.id());
      return p != null && p.organizationAdmin();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether a completed connection is one the catalogue may be discovered with. */
  public boolean usable(Connection conn) throws IOException {
    if (conn.method() == ConnectionMethod.SHARED) {
      return true;
    }
    Principal owner = stores.directory().find(conn.ownerId());
    return owner != null && owner.organizationAdmin();
  }

  private Connection credentials(String adminId, String serverId) throws IOException {
    if (adminId != null) {
      Connection own = stores.connections().findPersonal(serverId, adminId);
      if (own != null && own.status() == Connection.Status.CONNECTED) {
        return own;
      }
    }
    List<Connection> all = new ArrayList<>(stores.connections().listByServer(serverId));
    all.sort(Comparator.comparing(Connection::createdAt).thenComparing(Connection::id));
    Connection adminOwned = null;
    for (Connection c : all) {
      if (c.status() != Connection.Status.CONNECTED) {
        continue;
      }
      if (c.method() == ConnectionMethod.SHARED) {
        return c;
      }
      if (adminOwned == null && usable(c)) {
        adminOwned = c;
      }
    }
    return adminOwned;
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
