package dev.mcpkit.postgres.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.spi.MessageRelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageRelay} on PostgreSQL {@code LISTEN/NOTIFY}, one channel per schema. A message whose
 * encoding fits in {@value #INLINE_LIMIT} bytes travels in the notification itself; a larger one is
 * written to table {@code deliveries} in the same statement that notifies its id, and each listener
 * reads it from there (rows older than five minutes are deleted by later large publishes).
 *
 * <p>While it has subscribers, the relay holds one connection of the pool for {@code LISTEN} on a
 * daemon thread of its own; when that connection fails it takes another, waiting 0.1 s doubling to 5
 * s between attempts. Messages published while it is reconnecting are not delivered to it.
 */
public final class PgMessageRelay implements MessageRelay {
  private static final Logger LOG = LoggerFactory.getLogger(PgMessageRelay.class);
  static final int INLINE_LIMIT = 7_900;

  private final Database db;
  private final String channel;
  private final String notify;
  private final String notifyLarge;
  private final String readLarge;
  private final String purge;
  private final List<Consumer<Relayed>> receivers = new CopyOnWriteArrayList<>();
  private Thread listener; // guarded by this
  private volatile CountDownLatch listening = new CountDownLatch(1);

  public PgMessageRelay(Database db) {
    this.db = db;
    this.channel = "mcpkit_relay_" + shortHash(db.schema());
    String d = db.table("deliveries");
    notify = "SELECT pg_notify(?, ?)";
    notifyLarge = "WITH d AS (INSERT INTO " + d + " (payload) VALUES (?) RETURNING id) "
        + "SELECT pg_notify(?, '#' || id) FROM d";
    readLarge = "SELECT payload FROM " + d + " WHERE id = ?";
    purge = "DELETE FROM " + d + " WHERE created_at < now() - interval '5 minutes'";
  }

  @Override
  public void publish(Relayed m) {
    ObjectNode o = McpJson.object().put("o", m.origin()).put("s", m.sessionId())
        .put("c", m.toClient()).put("m", m.json());
    byte[] payload = McpJson.write(o).getBytes(StandardCharsets.UTF_8);
    try {
      if (payload.length <= INLINE_LIMIT) {
        db.queryOne("relay a message", notify, ps -> {
          ps.setString(1, channel);
          ps.setString(2, new String(payload, StandardCharsets.UTF_8));
        }, rs -> null);
      } else {
        db.update("purge relayed messages", purge, ps -> { });
        db.queryOne("relay a large message", notifyLarge, ps -> {
          ps.setBytes(1, payload);
          ps.setString(2, channel);
        }, rs -> null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<Relayed> receiver) {
    CountDownLatch ready;
    synchronized (this) {
      receivers.add(receiver);
      if (listener == null) {
        listening = new CountDownLatch(1);
        listener = new Thread(this::listen, "mcpkit-relay-" + db.schema());
        listener.setDaemon(true);
        listener.start();
      }
      ready = listening;
    }
    try {
      if (!ready.await(10, TimeUnit.SECONDS)) {
        LOG.warn("relay on schema {}: not listening yet, messages may be missed until it is",
            db.schema());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return () -> unsubscribe(receiver);
  }

  private synchronized void unsubscribe(Consumer<Relayed> receiver) {
    receivers.remove(receiver);
    if (receivers.isEmpty() && listener != null) {
      listener.interrupt();
      listener = null;
    }
  }

  private synchronized boolean running() {
    return listener == Thread.currentThread();
  }

  private void listen() {
    long backoff = 100;
    while (running()) {
      try (Connection c = db.dataSource().getConnection()) {
        try {
          c.setAutoCommit(true);
          try (Statement s = c.createStatement()) {
            s.execute("LISTEN \"" + channel + "\"");
          }
          PGConnection pg = c.unwrap(PGConnection.class);
          listening.countDown();
          backoff = 100;
          while (running()) {
            PGNotification[] got = pg.getNotifications(500);
            if (got != null) {
              for (PGNotification n : got) {
                dispatch(c, n.getParameter());
              }
            }
          }
        } catch (SQLException e) {
          revealBroken(c);
          throw e;
        }
      } catch (SQLException e) {
        if (!running()) {
          return;
        }
        LOG.warn("relay on schema {}: listening connection failed, reconnecting in {} ms: {}",
            db.schema(), backoff, e.getMessage());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          return;
        }
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  /**
   * Runs a statement through the pool's own wrapper of a connection that failed underneath it, so
   * that the pool sees the connection error and discards the connection instead of lending it out.
   */
  private static void revealBroken(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    } catch (SQLException expected) {
      // the pool has seen it now
    }
  }

  private void dispatch(Connection c, String parameter) throws SQLException {
    String text = parameter;
    if (parameter.startsWith("#")) {
      try (PreparedStatement ps = c.prepareStatement(readLarge)) {
        ps.setLong(1, Long.parseLong(parameter.substring(1)));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            LOG.warn("relay on schema {}: a large message was purged before it was read",
                db.schema());
            return;
          }
          text = new String(rs.getBytes(1), StandardCharsets.UTF_8);
        }
      }
    }
    Relayed m;
    try {
      JsonNode o = McpJson.mapper().readTree(text);
      m = new Relayed(o.path("o").asText(), o.path("s").asText(), o.path("c").asBoolean(),
          o.path("m").asText());
    } catch (IOException | RuntimeException e) {
      LOG.warn("relay on schema {}: ignoring an unreadable message", db.schema());
      return;
    }
    for (Consumer<Relayed> r : receivers) {
      try {
        r.accept(m);
      } catch (RuntimeException e) {
        LOG.warn("relay on schema {}: a receiver failed: {}", db.schema(), e.getClass().getName());
      }
    }
  }

  private static String shortHash(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
