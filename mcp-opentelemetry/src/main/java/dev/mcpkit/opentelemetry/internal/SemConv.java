package dev.mcpkit.opentelemetry.internal;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute names, values and bucket boundaries of the OpenTelemetry semantic conventions for MCP
 * (gen-ai/mcp.md), and this module's own governance attributes under {@code mcpkit.governance.*}.
 */
public final class SemConv {
  public static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  public static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> PROMPT = AttributeKey.stringKey("gen_ai.prompt.name");
  public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
  public static final AttributeKey<String> RESOURCE_URI = AttributeKey.stringKey("mcp.resource.uri");
  public static final AttributeKey<String> STATUS_CODE =
      AttributeKey.stringKey("rpc.response.status_code");
  public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> PROTOCOL_VERSION =
      AttributeKey.stringKey("mcp.protocol.version");
  public static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("mcp.session.id");
  public static final AttributeKey<String> NETWORK_PROTOCOL_NAME =
      AttributeKey.stringKey("network.protocol.name");
  public static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
      AttributeKey.stringKey("network.protocol.version");
  public static final AttributeKey<String> NETWORK_TRANSPORT =
      AttributeKey.stringKey("network.transport");
  public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
  public static final AttributeKey<Long> CLIENT_PORT = AttributeKey.longKey("client.port");
  public static final AttributeKey<String> TOOL_ARGUMENTS =
      AttributeKey.stringKey("gen_ai.tool.call.arguments");
  public static final AttributeKey<String> TOOL_RESULT =
      AttributeKey.stringKey("gen_ai.tool.call.result");

  /** {@code gen_ai.operation.name} of a tool call. */
  public static final String EXECUTE_TOOL = "execute_tool";
  /** {@code error.type} of a {@code CallToolResult} with {@code isError: true}. */
  public static final String TOOL_ERROR = "tool_error";

  /** The boundaries every MCP duration histogram is specified with, in seconds. */
  public static final List<Double> DURATION_BUCKETS =
      List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

  // ------------------------------------------------------------------ governance (ours)

  public static final AttributeKey<String> GOV_CORRELATION =
      AttributeKey.stringKey("mcpkit.governance.correlation_id");
  public static final AttributeKey<String> GOV_DECISION =
      AttributeKey.stringKey("mcpkit.governance.decision");
  public static final AttributeKey<String> GOV_RULE = AttributeKey.stringKey("mcpkit.governance.rule");
  public static final AttributeKey<String> GOV_SERVER =
      AttributeKey.stringKey("mcpkit.governance.server_id");
  public static final AttributeKey<String> GOV_AGENT = AttributeKey.stringKey("mcpkit.governance.agent_id");
  public static final AttributeKey<String> GOV_APPROVAL =
      AttributeKey.stringKey("mcpkit.governance.approval_id");
  public static final AttributeKey<Double> GOV_APPROVAL_WAIT =
      AttributeKey.doubleKey("mcpkit.governance.approval.wait");
  public static final AttributeKey<String> GOV_CONNECTION =
      AttributeKey.stringKey("mcpkit.governance.connection");
  public static final AttributeKey<String> GOV_DETAIL = AttributeKey.stringKey("mcpkit.governance.detail");

  private SemConv() {}
}
