package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.ApiKeyAuth;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.spi.TokenStore;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import java.io.Closeable;

/** Wires the engine's parts once; the facade delegates to them. */
public final class Engine implements Closeable {
  public final AdminOps admin;
  public final ConnectionOps connections;
  public final CallEngine calls;
  public final ToolLister tools;
  public final CatalogDiscovery discovery;
  public final Reads reads;
  private final Clients clients;

  public Engine(Stores stores, Settings settings, McpOAuth oauth, TokenStore tokenStore,
      SecretCipher cipher, SecretVault secrets, ToolCatalogStore catalogs) {
    Object connectorLock = new Object();
    AuditWriter audit = new AuditWriter(stores.audit(), settings.clock(), stores.registry());
    Catalog catalog = new Catalog(settings.toolListTtl(), settings.clock());
    ApiKeyAuth apiKeys = new ApiKeyAuth(tokenStore, cipher);
    this.clients = new Clients(oauth, apiKeys, settings.callTimeout(), settings.clients());
    Decider decider = new Decider(stores, settings);
    this.discovery = new CatalogDiscovery(stores, settings, clients, catalog, catalogs, audit);
    clients.onToolListChanged(discovery::listensFor, discovery::refreshLater);
    this.reads = new Reads(stores, settings, decider, discovery, cipher);
    Connector connector = new Connector(stores, settings, clients, catalog, oauth, audit,
        connectorLock);
    this.admin = new AdminOps(stores, settings, secrets, catalog, clients, audit, connectorLock,
        discovery);
    this.connections = new ConnectionOps(stores, settings, oauth, apiKeys, clients, audit, admin,
        discovery, secrets);
    this.calls = new CallEngine(stores, settings, decider, connector, audit, clients, cipher);
    this.tools = new ToolLister(stores, decider, connector, catalog);
  }

  @Override
  public void close() {
    discovery.close();
    clients.close();
  }
}
