package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.engine.RequestHandler;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonschema.SchemaViolationException;
import dev.mcpkit.core.jsonschema.ValidationResult;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.InputRequiredException;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.ToolException;
import dev.mcpkit.server.internal.Keys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code tools/list} and {@code tools/call}: the endpoint's view of the tools, argument
 * validation, the call timeout, and turning every failure into an {@code isError} result with a
 * message the model can act on.
 */
final class ToolMethods {
  private ToolMethods() {}

  static void register(MethodHandlers.Builder b, ServerCore core) {
    if (!core.config().toolsCapability()) {
      return;
    }
    RequestHandler list = (ctx, params) -> {
      McpEndpoint endpoint = ctx.attributes().get(Keys.ENDPOINT);
      List<ToolDefinition> visible = core.tools().all();
      if (endpoint != null) {
        List<ToolDefinition> filtered = new ArrayList<>(visible.size());
        for (ToolDefinition t : visible) {
          if (endpoint.exposes(t.name())) {
            filtered.add(t);
          }
        }
        visible = filtered;
      }
      // the revision leaves out what it does not define (execution: 2025-11-25 only)
      return Results.page(visible, params, core.config().pageSize(), "tools",
          ToolDefinition::name, t -> McpJson.toTree(t.tool()));
    };
    // with nobody reading result trees (no interceptor or listener, or only ones that said so)
    // the result is written straight from the record where the request's revision allows it
    // (see RevisionShaping)
    boolean direct = !core.config().listener().readsResultTrees()
        && core.config().interceptors().stream().noneMatch(McpInterceptor::readsResultTrees);
    RequestHandler call = (ctx, params) -> call(core, ctx, params,
        direct && RevisionShaping.takesRecords(ctx.attributes()));
    b.onRequest("tools/list", list);
    b.onRequest("tools/call", call);
  }

  private static JsonNode call(ServerCore core, RequestContext ctx, JsonNode params,
      boolean direct) throws Exception {
    JsonNode nameNode = params == null ? null : params.get("name");
    if (nameNode == null || !nameNode.isTextual()) {
      throw McpProtocolException.invalidParams("Invalid params: tools/call needs params.name, the"
          + " tool to call");
    }
    String name = nameNode.textValue();
    ToolDefinition tool = core.tools().get(name);
    McpEndpoint endpoint = ctx.attributes().get(Keys.ENDPOINT);
    if (tool == null || endpoint != null && !endpoint.exposes(name)) {
      throw McpProtocolException.invalidParams("Invalid params: unknown tool '" + name
          + "'; call tools/list for the tools this server offers");
    }
    JsonNode argsNode = params.get("arguments");
    ObjectNode args;
    if (argsNode == null || argsNode.isNull()) {
      args = McpJson.object();
    } else if (argsNode instanceof ObjectNode o) {
      args = o;
    } else {
      return error("Invalid arguments for tool '" + name + "': arguments must be a JSON object,"
          + " got " + argsNode.getNodeType().toString().toLowerCase());
    }
    ValidationResult valid = tool.inputValidator().validate(args);
    if (!valid.isValid()) {
      return error("Invalid arguments for tool '" + name + "': " + valid.summary());
    }
    JsonNode asTask = TaskMethods.toolCall(core, ctx, tool, args, name);
    if (asTask != null) {
      return asTask;
    }
    Duration timeout = core.config().timeoutOf(tool);
    CallDeadlines.Deadline deadline = CallDeadlines.start(ctx, timeout.toNanos());
    JsonNode result;
    try {
      result = InputFlow.run(core, ctx, "tools/call", name, args, name,
          context -> resultJson(tool, tool.handler().call(args, context), direct));
    } catch (InputRequiredException | McpProtocolException e) {
      if (deadline.expired()) {
        return timedOut(tool, timeout);
      }
      throw e;
    } catch (ToolException e) {
      result = deadline.expired() ? null : error(e.getMessage());
    } catch (SchemaViolationException e) {
      result = error("Invalid arguments for tool '" + name + "': " + e.result().summary());
    } catch (Exception e) {
      if (ctx.isCancelled()) {
        throw e; // the client cancelled: no answer is due
      }
      result = deadline.expired() ? null : failed(tool, e);
    } finally {
      deadline.finish();
      if (deadline.expired()) {
        Thread.interrupted(); // the interrupt was for the handler
      }
    }
    if (deadline.expired() && (result == null || !ctx.isCancelled())) {
      return timedOut(tool, timeout); // answered (and logged) once, here
    }
    return result;
  }

  static JsonNode resultJson(ToolDefinition tool, CallToolResult result, boolean direct) {
    if (result == null) {
      throw new IllegalStateException("tool '" + tool.name() + "' returned null; return a"
          + " CallToolResult");
    }
    CallToolResult r = result;
    if (!r.failed() && tool.outputValidator() != null) {
      if (r.structuredContent() == null) {
        ServerCore.LOG.warn("tool '{}' declares an outputSchema but returned no structuredContent",
            tool.name());
        return error("Tool '" + tool.name() + "' returned no structured result although it"
            + " declares an output schema (a server bug; the server logged it)");
      }
      ValidationResult valid = tool.outputValidator().validate(r.structuredContent());
      if (!valid.isValid()) {
        ServerCore.LOG.warn("tool '{}' returned output that does not match its outputSchema: {}",
            tool.name(), valid.summary());
        return error("Tool '" + tool.name() + "' returned a result that does not match its"
            + " output schema (a server bug; the server logged it)");
      }
    }
    if (r.structuredContent() != null && r.content().isEmpty()) {
      r = new CallToolResult(List.of(new Content.Text(McpJson.write(r.structuredContent()))),
          r.structuredContent(), r.isError(), r.resultType(), r.meta(), r.extra());
    }
    return direct ? new POJONode(r) : tree(r);
  }

  /**
   * The result as a JSON tree. Text-only results, the common case, are built node by node: the
   * same JSON as {@code McpJson.toTree}, without a round trip through data binding.
   */
  static JsonNode tree(CallToolResult r) {
    if (r.structuredContent() != null || r.resultType() != null || r.meta() != null
        || !r.extra().isEmpty()) {
      return McpJson.toTree(r);
    }
    ObjectNode result = McpJson.object();
    ArrayNode content = result.putArray("content");
    for (Content.ContentBlock block : r.content()) {
      if (!(block instanceof Content.Text t) || t.annotations() != null || t.meta() != null
          || !t.extra().isEmpty()) {
        return McpJson.toTree(r);
      }
      content.addObject().put("type", Content.Text.TYPE).put("text", t.text());
    }
    if (r.isError() != null) {
      result.put("isError", r.isError());
    }
    return result;
  }

  static ObjectNode error(String message) {
    return (ObjectNode) McpJson.toTree(CallToolResult.error(message));
  }

  private static ObjectNode timedOut(ToolDefinition tool, Duration timeout) {
    ServerCore.LOG.warn("tool '{}' timed out after {} ms and was interrupted", tool.name(),
        timeout.toMillis());
    return error("Tool '" + tool.name() + "' timed out after " + timeout.toMillis() + " ms and"
        + " was stopped. Try again with a smaller request, or ask the server operator to raise"
        + " the tool's timeout.");
  }

  static ObjectNode failed(ToolDefinition tool, Throwable e) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    ServerCore.LOG.warn("tool '{}' failed (incident {})", tool.name(), incident, e);
    return error("Tool '" + tool.name() + "' failed with an internal error (incident " + incident
        + "); the server logged the details.");
  }
}
