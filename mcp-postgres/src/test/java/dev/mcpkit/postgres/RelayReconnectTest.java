package dev.mcpkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.MessageRelay.Relayed;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay's listening connection is killed by the database (as a failover or an administrator
 * would): the relay takes another connection and delivers again, without the host doing anything.
 */
@Timeout(60)
class RelayReconnectTest {
  @Test
  void aRelayWhoseListeningConnectionIsKilledListensAgainAndDelivers() throws Exception {
    McpPostgres pg = TestDatabase.storesOn(TestDatabase.freshStores("relay_reconnect").schema());
    MessageRelay relay = pg.messageRelay();
    BlockingQueue<Relayed> got = new LinkedBlockingQueue<>();
    try (AutoCloseable sub = relay.subscribe(got::add)) {
      relay.publish(new Relayed("i1", "s1", true, "{\"n\":\"before\"}"));
      assertThat(got.poll(10, TimeUnit.SECONDS)).isNotNull();

      assertThat(killListeners()).as("listening backends killed").isPositive();

      Relayed after = null;
      int failedPublishes = 0;
      for (int i = 0; i < 60 && after == null; i++) { // bounded: 60 probes, 250 ms apart at most
        try {
          relay.publish(new Relayed("i1", "s1", true, "{\"n\":\"after\"}"));
        } catch (UncheckedIOException e) {
          failedPublishes++; // a pooled connection the kill broke; the pool discards it
        }
        after = got.poll(250, TimeUnit.MILLISECONDS);
      }
      assertThat(after).as("a message after the reconnect").isNotNull();
      assertThat(after.json()).isEqualTo("{\"n\":\"after\"}");
      assertThat(failedPublishes).as("publishes that failed on a broken connection").isLessThan(5);
    }
  }

  static int killListeners() throws Exception {
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM "
            + "pg_stat_activity WHERE query LIKE 'LISTEN \"mcpkit_relay_%' "
            + "AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
