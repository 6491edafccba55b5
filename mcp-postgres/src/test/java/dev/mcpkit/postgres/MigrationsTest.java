package dev.mcpkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The schema is created, checked and upgraded by the module itself, safely from many instances. */
class MigrationsTest {
  final DataSource ds = TestDatabase.dataSource();

  @Test
  void eightInstancesStartingAtOnceApplyEachMigrationOnce() throws Exception {
    String schema = TestDatabase.freshSchema("race");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<McpPostgres>> starts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      starts.add(pool.submit(() -> {
        go.await();
        return McpPostgres.builder().dataSource(ds).schema(schema).build();
      }));
    }
    go.countDown();
    for (Future<McpPostgres> f : starts) {
      assertThat(f.get(60, TimeUnit.SECONDS).schema()).isEqualTo(schema);
    }
    pool.shutdown();

    assertThat(scalar("SELECT count(*) FROM \"" + schema + "\".schema_migrations")).isEqualTo(4);
    assertThat(scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
        + schema + "'")).isEqualTo(18); // V1's 13, tool catalogues (V2), relay and requestState (V3), tasks (V4)
  }

  @Test
  void aChangedMigrationRefusesToStartAndSaysWhich() throws Exception {
    String schema = TestDatabase.freshSchema("tampered");
    McpPostgres.builder().dataSource(ds).schema(schema).build();
    execute("UPDATE \"" + schema + "\".schema_migrations SET checksum = 'abc' WHERE version = 1");

    assertThatThrownBy(() -> McpPostgres.builder().dataSource(ds).schema(schema).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("migration V1").hasMessageContaining("checksum abc")
        .hasMessageContaining("must never change");
  }

  @Test
  void aSchemaFromANewerVersionRefusesToStart() throws Exception {
    String schema = TestDatabase.freshSchema("newer");
    McpPostgres.builder().dataSource(ds).schema(schema).build();
    execute("INSERT INTO \"" + schema + "\".schema_migrations (version, description, checksum) "
        + "VALUES (99, 'future', 'x')");

    assertThatThrownBy(() -> McpPostgres.builder().dataSource(ds).schema(schema).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V99").hasMessageContaining("newer version");
  }

  @Test
  void twoSchemasInOneDatabaseKeepTheirDataApart() throws Exception {
    McpPostgres a = TestDatabase.freshStores("apart");
    McpPostgres b = TestDatabase.freshStores("apart");
    a.registryStore().put(dev.mcpkit.policy.spi.Samples.server("crm"));

    assertThat(a.registryStore().list()).hasSize(1);
    assertThat(b.registryStore().list()).isEmpty();
  }

  @Test
  void aSchemaNameThatIsNotAPlainIdentifierIsRefusedBeforeAnySql() {
    for (String bad : new String[] {"", "Mcp", "1mcp", "mcp;drop", "mcp\"x", "pg_mcp",
        "a".repeat(64), "m-c-p"}) {
      assertThatThrownBy(() -> McpPostgres.builder().dataSource(ds).schema(bad).build())
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("schema name must be");
    }
    assertThatThrownBy(() -> McpPostgres.builder().schema("mcp").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DataSource");
  }

  private long scalar(String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
