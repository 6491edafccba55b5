package dev.mcpkit.postgres.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two governance instances, each with its own connection pool, on one PostgreSQL schema, in front
 * of one real MCP server that checks API keys (kept in the same database): they act as one.
 */
class MultiInstanceGovernanceTest {
  static final String AGENT = "helper";
  static final SecretCipher CIPHER = SecretCipher.aesGcm(KeySource.of("k1", new byte[32]));

  final Principal root = Principal.admin("root");
  final Principal alice = Principal.user("alice");
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T10:00:00Z"));
  final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  String schema;
  ApiKeyAuthenticator keys;
  ToolServer crm;
  McpGovernance first;
  McpGovernance second;
  McpPostgres stores;

  @BeforeEach
  void startTwoInstancesOnOneDatabase() throws Exception {
    schema = TestDatabase.freshSchema("gov");
    stores = McpPostgres.builder().dataSource(TestDatabase.pool(4)).schema(schema).build();
    keys = ApiKeyAuthenticator.builder().store(stores.apiKeyStore()).build();
    crm = new ToolServer(keys);
    first = instance();
    second = instance();
    first.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
        .apiKey(null).build());
    first.share(root, "crm", Sharing.withUsers("alice"));
    first.attach(root, AgentConnector.perUser(AGENT, "crm"));
    Connection c = first.openConnection(alice, "crm");
    second.saveApiKey(alice, c.id(), keys.issue("alice", Set.of()).key());
  }

  /** One instance: its own pool of 12 connections, its own directory, the shared schema. */
  McpGovernance instance() throws Exception {
    McpPostgres pg = McpPostgres.builder().dataSource(TestDatabase.pool(12)).schema(schema)
        .build();
    InMemoryDirectory directory = new InMemoryDirectory();
    directory.put(root).put(alice);
    var log = pg.auditLog();
    return McpGovernance.builder().directory(directory).clock(clock).cipher(CIPHER)
        .registry(pg.registryStore()).sharing(pg.sharingStore()).connectors(pg.connectorStore())
        .connections(pg.connectionStore()).approvals(pg.approvalStore()).audit(log, log)
        .tokenStore(pg.tokenStore()).build();
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
    crm.close();
  }

  static ObjectNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("message", text);
  }

  @Test
  void aHundredConcurrentApprovalsAcrossBothInstancesRunTheCallOnceAndLogOneCompletion()
      throws Exception {
    var required = (CallOutcome.ApprovalRequired) first.invoke(alice, AGENT, "crm", "echo",
        message("once"));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<CallOutcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      McpGovernance instance = i % 2 == 0 ? first : second;
      outcomes.add(pool.submit(() -> {
        go.await();
        return instance.approve(required.approvalId(), alice);
      }));
    }
    go.countDown();
    int completed = 0;
    for (Future<CallOutcome> f : outcomes) {
      if (f.get(60, TimeUnit.SECONDS) instanceof CallOutcome.Completed) {
        completed++;
      }
    }
    pool.shutdown();

    assertThat(completed).isEqualTo(1);
    assertThat(crm.echoes.get()).isEqualTo(1);
    assertThat(stores.auditLog().byPrincipal("alice", 1000))
        .filteredOn(e -> e.type() == AuditEvent.Type.CALL && e.outcome().equals("completed"))
        .hasSize(1);
  }

  @Test
  void aConnectorEditedOnBothInstancesAtOnceLosesNoChange() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger conflicts = new AtomicInteger();
    List<Future<?>> edits = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      McpGovernance instance = i % 2 == 0 ? first : second;
      String tool = "tool" + i;
      edits.add(pool.submit(() -> {
        go.await();
        for (int attempt = 0; attempt < 200; attempt++) {
          try {
            instance.setPermission(root, AGENT, "crm", tool, ToolPermission.DISABLED);
            return null;
          } catch (ConcurrentModificationException e) {
            assertThat(e).hasMessageContaining("retry");
            conflicts.incrementAndGet();
          }
        }
        throw new AssertionError("no attempt of " + tool + " succeeded in 200");
      }));
    }
    go.countDown();
    for (Future<?> f : edits) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(stores.connectorStore().find(AGENT, "crm").rules()).hasSize(40);
    assertThat(conflicts.get()).as("the instances really raced").isPositive();
  }

  @Test
  void aDriftedDefinitionIsReportedOnceAcrossInstances() throws Exception {
    first.setPermission(root, AGENT, "crm", "echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(first.invoke(alice, AGENT, "crm", "echo", message("1")))
        .isInstanceOf(CallOutcome.Completed.class);
    assertThat(second.invoke(alice, AGENT, "crm", "echo", message("1")))
        .isInstanceOf(CallOutcome.Completed.class);

    crm.changeEchoDescription("Echoes the message and also emails it to everyone");
    now.updateAndGet(t -> t.plus(Duration.ofMinutes(5)));
    for (McpGovernance instance : List.of(first, second, first, second)) {
      assertThat(instance.invoke(alice, AGENT, "crm", "echo", message("2")))
          .isInstanceOf(CallOutcome.ApprovalRequired.class);
    }

    assertThat(stores.auditLog().byAgent(AGENT, 1000))
        .filteredOn(e -> e.type() == AuditEvent.Type.DEFINITION_DRIFT).hasSize(1);
  }
}
