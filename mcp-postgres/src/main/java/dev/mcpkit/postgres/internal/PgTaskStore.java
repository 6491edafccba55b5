package dev.mcpkit.postgres.internal;

import static dev.mcpkit.postgres.internal.PgSessionStore.run;

import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.server.spi.TaskRecord;
import dev.mcpkit.server.spi.TaskStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.List;

/**
 * {@link TaskStore} in table {@code tasks}, shared by every instance on the schema.
 *
 * <p>A change of a task is one conditional UPDATE ({@code ... WHERE status NOT IN (terminal)}):
 * PostgreSQL re-checks the condition after a concurrent update of the row, so the first terminal
 * state saved (completed, failed or cancelled, from any instance) is the one kept, and a later save
 * of the same task is ignored. A new task is inserted under a transaction-scoped advisory lock of
 * its owner, after counting the owner's unexpired tasks (by the injected clock) in the database:
 * beyond {@code maxTasksPerOwner} it is refused with an {@link IllegalStateException}. A payload
 * (result, error, input requests) longer than {@code maxPayloadChars} is not stored: the task is
 * saved as failed with an error saying so, and the save throws {@link IllegalArgumentException}.
 * Messages never carry a task id (a handle) or a payload. Thread-safe; database failures throw
 * {@link java.io.UncheckedIOException} naming the operation.
 */
public final class PgTaskStore implements TaskStore {
  /** The advisory-lock space of task creation ("task"). */
  private static final int CREATE_LOCKS = 0x7461736b;
  private static final String COLUMNS = "task_id, owner, tool_name, status, status_message, "
      + "created_millis, updated_millis, ttl_millis, expires_millis, poll_interval_millis, result, "
      + "error, input_requests";
  private static final String TERMINAL = "('completed', 'failed', 'cancelled')";

  private final Database db;
  private final Clock clock;
  private final int maxTasksPerOwner;
  private final int maxPayloadChars;
  private final String update;
  private final String insert;
  private final String exists;
  private final String count;
  private final String select;
  private final String list;
  private final String delete;
  private final String expired;

  public PgTaskStore(Database db, Clock clock, int maxTasksPerOwner, int maxPayloadChars) {
    if (maxTasksPerOwner < 1 || maxPayloadChars < 1) {
      throw new IllegalArgumentException("maxTasksPerOwner and maxPayloadChars must be at least 1,"
          + " got " + maxTasksPerOwner + " and " + maxPayloadChars);
    }
    this.db = db;
    this.clock = clock;
    this.maxTasksPerOwner = maxTasksPerOwner;
    this.maxPayloadChars = maxPayloadChars;
    String t = db.table("tasks");
    String set = "owner = ?, tool_name = ?, status = ?, status_message = ?, created_millis = ?, "
        + "updated_millis = ?, ttl_millis = ?, expires_millis = ?, poll_interval_millis = ?, "
        + "result = ?, error = ?, input_requests = ?";
    update = "UPDATE " + t + " SET " + set + " WHERE task_id = ? AND status NOT IN " + TERMINAL;
    insert = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (task_id) DO NOTHING";
    exists = "SELECT 1 FROM " + t + " WHERE task_id = ?";
    count = "SELECT count(*) FROM " + t + " WHERE owner = ? AND expires_millis > ?";
    select = "SELECT " + COLUMNS + " FROM " + t + " WHERE task_id = ?";
    list = "SELECT " + COLUMNS + " FROM " + t + " WHERE owner = ? ORDER BY created_millis, task_id";
    delete = "DELETE FROM " + t + " WHERE task_id = ?";
    expired = "DELETE FROM " + t + " WHERE expires_millis <= ? RETURNING task_id";
  }

  @Override
  public void save(TaskRecord task) {
    String oversized = oversized(task);
    TaskRecord stored = oversized == null ? task : task.failed("{\"code\":-32603,\"message\":\""
        + oversized + "\"}", oversized, task.lastUpdatedAtMillis());
    run(() -> db.inTransaction("save a task", c -> {
      if (bind(c, update, stored, 13) == 1 || exists(c, stored.taskId())) {
        return null; // changed, or already terminal: the first terminal state is kept
      }
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
        lock.setInt(1, CREATE_LOCKS);
        lock.setString(2, db.schema() + '/' + stored.owner());
        lock.execute();
      }
      long held;
      try (PreparedStatement ps = c.prepareStatement(count)) {
        ps.setString(1, stored.owner());
        ps.setLong(2, clock.millis());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          held = rs.getLong(1);
        }
      }
      if (held >= maxTasksPerOwner) {
        throw new IllegalStateException("the PostgreSQL task store keeps at most "
            + maxTasksPerOwner + " unexpired tasks per owner and this owner has " + held
            + "; wait for some to expire or raise McpPostgres.taskStore(maxTasksPerOwner, ...)");
      }
      bind(c, insert, stored, 1);
      return null;
    }));
    if (oversized != null) {
      throw new IllegalArgumentException("task of tool '" + task.toolName() + "' saved as failed: "
          + oversized);
    }
  }

  /** Why the record's payload is too large to keep, or null when it fits. */
  private String oversized(TaskRecord task) {
    String[] names = {"result", "error", "input requests"};
    String[] payloads = {task.result(), task.error(), task.inputRequests()};
    for (int i = 0; i < payloads.length; i++) {
      if (payloads[i] != null && payloads[i].length() > maxPayloadChars) {
        return "the task's " + names[i] + " is " + payloads[i].length() + " characters, more than"
            + " the task store keeps (" + maxPayloadChars + ")";
      }
    }
    return null;
  }

  /** Binds every column: the id at {@code idAt} (1 for the insert, 13 for the update). */
  private static int bind(Connection c, String sql, TaskRecord r, int idAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = idAt == 1 ? 2 : 1;
      ps.setString(idAt, r.taskId());
      ps.setString(i++, r.owner());
      ps.setString(i++, r.toolName());
      ps.setString(i++, r.status().wire());
      ps.setString(i++, r.statusMessage());
      ps.setLong(i++, r.createdAtMillis());
      ps.setLong(i++, r.lastUpdatedAtMillis());
      if (r.ttlMillis() == null) {
        ps.setNull(i++, Types.BIGINT);
      } else {
        ps.setLong(i++, r.ttlMillis());
      }
      ps.setLong(i++, expiresAt(r));
      ps.setLong(i++, r.pollIntervalMillis());
      ps.setString(i++, r.result());
      ps.setString(i++, r.error());
      ps.setString(i, r.inputRequests());
      return ps.executeUpdate();
    }
  }

  /** {@link TaskRecord#expiresAtMillis}, saturated instead of overflowing. */
  static long expiresAt(TaskRecord r) {
    if (r.ttlMillis() == null) {
      return Long.MAX_VALUE;
    }
    long at = r.createdAtMillis() + r.ttlMillis();
    return r.ttlMillis() > 0 && at < r.createdAtMillis() ? Long.MAX_VALUE : at;
  }

  private boolean exists(Connection c, String taskId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(exists)) {
      ps.setString(1, taskId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public TaskRecord find(String taskId) {
    if (taskId == null) {
      return null;
    }
    return run(() -> db.queryOne("find a task", select, ps -> ps.setString(1, taskId),
        PgTaskStore::read));
  }

  @Override
  public List<TaskRecord> list(String owner) {
    return run(() -> db.query("list tasks", list, ps -> ps.setString(1, owner), PgTaskStore::read));
  }

  @Override
  public boolean remove(String taskId) {
    return run(() -> db.update("remove a task", delete, ps -> ps.setString(1, taskId))) == 1;
  }

  @Override
  public List<String> removeExpired(long nowMillis) {
    return run(() -> db.query("remove expired tasks", expired, ps -> ps.setLong(1, nowMillis),
        rs -> rs.getString(1)));
  }

  private static TaskRecord read(ResultSet rs) throws SQLException {
    long ttl = rs.getLong(8);
    Long ttlMillis = rs.wasNull() ? null : ttl;
    return new TaskRecord(rs.getString(1), rs.getString(2), rs.getString(3),
        TaskStatus.fromWire(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getLong(7),
        ttlMillis, rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13));
  }
}
