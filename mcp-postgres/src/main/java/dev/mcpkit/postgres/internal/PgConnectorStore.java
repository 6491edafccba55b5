package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.spi.ConnectorStore;
import java.io.IOException;
import java.util.List;

/**
 * {@link ConnectorStore} in table {@code connectors}, one JSON document per agent and server, with its
 * tool rules inside, so a connector and its permissions are written together. {@link #replace} is one
 * conditional UPDATE that compares the stored document with the expected one ({@code jsonb} equality,
 * which ignores key order), so of two instances editing one connector at once the second is refused.
 * Drift reports are claimed with an INSERT that only one instance can make.
 */
public final class PgConnectorStore implements ConnectorStore {
  private final Database db;
  private final String put;
  private final String find;
  private final String list;
  private final String remove;
  private final String replace;
  private final String claim;

  public PgConnectorStore(Database db) {
    this.db = db;
    String t = db.table("connectors");
    put = "INSERT INTO " + t + " (agent_id, server_id, doc) VALUES (?, ?, ?::jsonb) "
        + "ON CONFLICT (agent_id, server_id) DO UPDATE SET doc = EXCLUDED.doc";
    find = "SELECT doc FROM " + t + " WHERE agent_id = ? AND server_id = ?";
    list = "SELECT doc FROM " + t + " WHERE agent_id = ? ORDER BY server_id";
    remove = "DELETE FROM " + t + " WHERE agent_id = ? AND server_id = ?";
    replace = "UPDATE " + t + " SET doc = ?::jsonb WHERE agent_id = ? AND server_id = ? "
        + "AND doc = ?::jsonb";
    claim = "INSERT INTO " + db.table("drift_reports") + " (agent_id, server_id, tool, "
        + "definition_hash) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
  }

  @Override
  public void put(AgentConnector connector) throws IOException {
    String doc = Json.write(connector);
    db.update("store a connector", put, ps -> {
      ps.setString(1, connector.agentId());
      ps.setString(2, connector.serverId());
      ps.setString(3, doc);
    });
  }

  @Override
  public AgentConnector find(String agentId, String serverId) throws IOException {
    return db.queryOne("find a connector", find, ps -> {
      ps.setString(1, agentId);
      ps.setString(2, serverId);
    }, rs -> Json.read(rs.getString(1), AgentConnector.class));
  }

  @Override
  public List<AgentConnector> list(String agentId) throws IOException {
    return db.query("list connectors", list, ps -> ps.setString(1, agentId),
        rs -> Json.read(rs.getString(1), AgentConnector.class));
  }

  @Override
  public boolean remove(String agentId, String serverId) throws IOException {
    return db.update("detach a connector", remove, ps -> {
      ps.setString(1, agentId);
      ps.setString(2, serverId);
    }) == 1;
  }

  @Override
  public boolean replace(AgentConnector expected, AgentConnector updated) throws IOException {
    if (!expected.agentId().equals(updated.agentId())
        || !expected.serverId().equals(updated.serverId())) {
      throw new IllegalArgumentException("replace keeps the agent and server: expected "
          + expected.agentId() + "/" + expected.serverId() + ", got " + updated.agentId() + "/"
          + updated.serverId());
    }
    String before = Json.write(expected);
    String after = Json.write(updated);
    return db.update("update a connector", replace, ps -> {
      ps.setString(1, after);
      ps.setString(2, updated.agentId());
      ps.setString(3, updated.serverId());
      ps.setString(4, before);
    }) == 1;
  }

  @Override
  public boolean claimDriftReport(String agentId, String serverId, String tool,
      String definitionHash) throws IOException {
    return db.update("claim a drift report", claim, ps -> {
      ps.setString(1, agentId);
      ps.setString(2, serverId);
      ps.setString(3, tool);
      ps.setString(4, definitionHash);
    }) == 1;
  }
}
