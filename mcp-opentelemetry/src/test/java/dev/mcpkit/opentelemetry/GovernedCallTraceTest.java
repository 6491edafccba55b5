package dev.mcpkit.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.spi.InMemoryAuditLog;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One governed call from mcp-policy through its client to an mcpkit server on loopback HTTP, with
 * telemetry on every side, read back from the SDK's in-memory exporters.
 */
class GovernedCallTraceTest {
  static final String AGENT = "helper";

  final Telemetry otel = new Telemetry();
  final McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
  final GovernanceTelemetry governance = telemetry.governance();
  final Principal root = Principal.admin("root");
  final Principal alice = Principal.user("alice");
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T20:00:00Z"));
  final AtomicReference<String> handlerTrace = new AtomicReference<>();
  McpHttpServer http;
  McpGovernance gov;
  ApiKeyAuthenticator keys;

  @BeforeEach
  void start() throws Exception {
    keys = ApiKeyAuthenticator.builder().build();
    McpServer server = telemetry.instrument(McpServer.builder().name("crm").version("1.0.0"))
        .tool(ToolDefinition.builder("echo").description("Echoes the message")
            .handler((args, ctx) -> {
              handlerTrace.set(Span.current().getSpanContext().getTraceId());
              return CallToolResult.text("echo:" + args.path("message").asText());
            }).build())
        .tool(ToolDefinition.builder("delete_account").description("Deletes an account")
            .handler((args, ctx) -> CallToolResult.text("deleted")).build())
        .build();
    http = McpHttpServer.builder().port(0).endpoint(McpEndpoint.builder(server).path("/mcp")
        .authenticator(keys).build()).start();
    InMemoryDirectory directory = new InMemoryDirectory();
    directory.put(root);
    directory.put(alice);
    InMemoryAuditLog log = new InMemoryAuditLog(1_000, false);
    Clock clock = new Clock() {
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
    gov = McpGovernance.builder().directory(directory)
        .cipher(SecretCipher.aesGcm(KeySource.of("k1", new byte[32])))
        .audit(governance.auditSink(log), log)
        .customizeClients(governance.clients())
        .clock(clock).build();
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(http.url())
        .apiKey(null).build());
    gov.share(root, "crm", Sharing.withUsers("alice"));
    gov.attach(root, AgentConnector.perUser(AGENT, "crm"));
    Connection c = gov.openConnection(alice, "crm");
    gov.saveApiKey(alice, c.id(), keys.issue("alice", Set.of()).key());
  }

  @AfterEach
  void stop() {
    gov.close();
    http.close();
    otel.close();
  }

  @Test
  void anAllowedGovernedCallIsOneTraceFromGovernanceThroughClientToServer() throws Exception {
    gov.setPermission(root, AGENT, "crm", "echo", ToolPermission.ALWAYS_ALLOW);
    otel.spans.reset();
    CallOutcome outcome = governance.trace("crm", "echo", () -> gov.invoke(alice, AGENT, "crm",
        "echo", JsonNodeFactory.instance.objectNode().put("message", "hi")));
    assertThat(outcome).isInstanceOf(CallOutcome.Completed.class);

    SpanData governed = otel.span("governed tools/call echo", SpanKind.INTERNAL);
    SpanData client = otel.span("tools/call echo", SpanKind.CLIENT);
    SpanData server = otel.span("tools/call echo", SpanKind.SERVER);
    assertThat(otel.spans()).extracting(SpanData::getTraceId).containsOnly(governed.getTraceId());
    assertThat(handlerTrace.get()).isEqualTo(governed.getTraceId());
    assertThat(client.getParentSpanId()).isEqualTo(governed.getSpanId());
    assertThat(server.getParentSpanId()).isEqualTo(client.getSpanId());

    assertThat(Telemetry.attr(governed, stringKey("mcpkit.governance.decision")))
        .isEqualTo("allowed");
    assertThat(Telemetry.attr(governed, stringKey("mcpkit.governance.correlation_id")))
        .isEqualTo(outcome.correlationId());
    assertThat(governed.getEvents()).extracting(EventData::getName)
        .containsExactly("mcpkit.governance.call_allowed", "mcpkit.governance.call");

    for (SpanData s : List.of(client, server)) {
      assertThat(Telemetry.attr(s, stringKey("mcp.method.name"))).isEqualTo("tools/call");
      assertThat(Telemetry.attr(s, stringKey("gen_ai.tool.name"))).isEqualTo("echo");
      assertThat(Telemetry.attr(s, stringKey("gen_ai.operation.name"))).isEqualTo("execute_tool");
      assertThat(Telemetry.attr(s, stringKey("network.transport"))).isEqualTo("tcp");
      assertThat(Telemetry.attr(s, stringKey("network.protocol.name"))).isEqualTo("http");
      assertThat(Telemetry.attr(s, stringKey("error.type"))).isNull();
      assertThat(Telemetry.attr(s, stringKey("jsonrpc.request.id"))).isNotBlank();
      assertThat(Telemetry.attr(s, stringKey("gen_ai.tool.call.arguments"))).isNull();
    }
    assertThat(Telemetry.attr(client, stringKey("jsonrpc.request.id")))
        .isEqualTo(Telemetry.attr(server, stringKey("jsonrpc.request.id")));
    assertThat(Telemetry.attr(client, stringKey("mcp.protocol.version")))
        .isEqualTo(Telemetry.attr(server, stringKey("mcp.protocol.version"))).isNotNull();
    assertThat(client.getAttributes().get(io.opentelemetry.api.common.AttributeKey
        .longKey("server.port"))).isEqualTo((long) http.url().getPort());
    assertThat(Telemetry.attr(client, stringKey("server.address"))).isEqualTo(http.url().getHost());
    assertThat(Telemetry.attr(client, stringKey("mcpkit.governance.connection")))
        .isEqualTo("user:alice");
    TraceSample.write(otel.spans(), java.nio.file.Path.of("target", "trace-sample.json"));
  }

  @Test
  void aDeniedCallShowsItsRuleOnTheSpanAndNeverReachesTheServer() throws Exception {
    gov.setPermission(root, AGENT, "crm", "delete_account", ToolPermission.DISABLED);
    otel.spans.reset();
    CallOutcome outcome = governance.trace("crm", "delete_account", () -> gov.invoke(alice, AGENT,
        "crm", "delete_account", null));
    assertThat(outcome).isInstanceOf(CallOutcome.Denied.class);
    SpanData governed = otel.span("governed tools/call delete_account", SpanKind.INTERNAL);
    assertThat(Telemetry.attr(governed, stringKey("mcpkit.governance.decision")))
        .isEqualTo("denied");
    assertThat(Telemetry.attr(governed, stringKey("mcpkit.governance.rule")))
        .isEqualTo("tool-permission");
    assertThat(otel.spans()).noneMatch(s -> s.getName().equals("tools/call delete_account"));
    assertThat(decisions("denied")).isEqualTo(1);
  }

  @Test
  void anApprovalShowsItsWaitAndIsCountedWhilePending() throws Exception {
    CallOutcome asked = governance.trace("crm", "echo", () -> gov.invoke(alice, AGENT, "crm",
        "echo", JsonNodeFactory.instance.objectNode().put("message", "later")));
    assertThat(asked).isInstanceOf(CallOutcome.ApprovalRequired.class);
    assertThat(Telemetry.attr(otel.span("governed tools/call echo", SpanKind.INTERNAL),
        stringKey("mcpkit.governance.decision"))).isEqualTo("approval_required");
    assertThat(pendingApprovals()).isEqualTo(1);

    now.set(now.get().plus(Duration.ofSeconds(90)));
    otel.spans.reset();
    String approvalId = ((CallOutcome.ApprovalRequired) asked).approvalId();
    CallOutcome ran = governance.trace("crm", "echo", () -> gov.approve(approvalId, root));
    assertThat(ran).isInstanceOf(CallOutcome.Completed.class);
    SpanData approval = otel.span("governed tools/call echo", SpanKind.INTERNAL);
    assertThat(approval.getAttributes().get(
        io.opentelemetry.api.common.AttributeKey.doubleKey("mcpkit.governance.approval.wait")))
        .isEqualTo(90.0);
    assertThat(Telemetry.attr(approval, stringKey("mcpkit.governance.correlation_id")))
        .isEqualTo(asked.correlationId());
    assertThat(otel.span("tools/call echo", SpanKind.SERVER).getTraceId())
        .isEqualTo(approval.getTraceId());
    assertThat(pendingApprovals()).isZero();
  }

  private long decisions(String decision) {
    return otel.metric("mcpkit.governance.decisions").map(m -> m.getLongSumData().getPoints()
        .stream().filter(p -> decision.equals(p.getAttributes()
            .get(stringKey("mcpkit.governance.decision"))))
        .mapToLong(LongPointData::getValue).sum()).orElse(0L);
  }

  private long pendingApprovals() {
    return otel.metric("mcpkit.governance.approvals.pending").map(m -> m.getLongSumData()
        .getPoints().stream().mapToLong(LongPointData::getValue).sum()).orElse(0L);
  }
}
