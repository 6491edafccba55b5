package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.spi.ApprovalStore;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;

/**
 * {@link ApprovalStore} in table {@code approvals}. {@link #decide} is one conditional UPDATE
 * ({@code ... WHERE status = 'PENDING'}): PostgreSQL re-checks the condition after a concurrent
 * update of the row, so of any number of deciders on any number of instances exactly one changes it.
 */
public final class PgApprovalStore implements ApprovalStore {
  private final Database db;
  private final String create;
  private final String find;
  private final String decide;
  private final String pending;
  private final String allPending;

  public PgApprovalStore(Database db) {
    this.db = db;
    String t = db.table("approvals");
    create = "INSERT INTO " + t + " (id, principal_id, status, created_at, doc) "
        + "VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO NOTHING";
    find = "SELECT doc FROM " + t + " WHERE id = ?";
    decide = "UPDATE " + t + " SET status = ?, doc = ?::jsonb WHERE id = ? AND status = 'PENDING'";
    pending = "SELECT doc FROM " + t + " WHERE principal_id = ? AND status = 'PENDING' "
        + "ORDER BY created_at, id";
    allPending = "SELECT doc FROM " + t + " WHERE status = 'PENDING' ORDER BY created_at, id";
  }

  @Override
  public void create(ApprovalRequest request) throws IOException {
    String doc = Json.write(request);
    int rows = db.update("create an approval request", create, ps -> {
      ps.setString(1, request.id());
      ps.setString(2, request.principalId());
      ps.setString(3, request.status().name());
      ps.setTimestamp(4, Timestamp.from(request.createdAt()));
      ps.setString(5, doc);
    });
    if (rows == 0) {
      throw new IllegalStateException("approval request id already used: " + request.id());
    }
  }

  @Override
  public ApprovalRequest find(String id) throws IOException {
    return db.queryOne("find an approval request", find, ps -> ps.setString(1, id),
        rs -> Json.read(rs.getString(1), ApprovalRequest.class));
  }

  @Override
  public boolean decide(ApprovalRequest decided) throws IOException {
    String doc = Json.write(decided);
    return db.update("decide an approval request", decide, ps -> {
      ps.setString(1, decided.status().name());
      ps.setString(2, doc);
      ps.setString(3, decided.id());
    }) == 1;
  }

  @Override
  public List<ApprovalRequest> pending(String principalId) throws IOException {
    return db.query("list pending approvals", pending, ps -> ps.setString(1, principalId),
        rs -> Json.read(rs.getString(1), ApprovalRequest.class));
  }

  @Override
  public List<ApprovalRequest> listPending() throws IOException {
    return db.query("list every pending approval", allPending, ps -> { },
        rs -> Json.read(rs.getString(1), ApprovalRequest.class));
  }
}
