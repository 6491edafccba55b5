package dev.mcpkit.core.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.engine.RequestContext;
import java.util.List;

/** Runs interceptors in order, then the terminal step. */
public final class InterceptorChain implements McpInterceptor.Chain {
  /** The last step: the handler (inbound) or the wire (outbound). */
  @FunctionalInterface
  public interface Terminal {
    JsonNode call(JsonNode params) throws Exception;
  }

  private final List<McpInterceptor> interceptors;
  private final int index;
  private final Direction direction;
  private final String method;
  private final JsonNode params;
  private final Attributes attributes;
  private final RequestContext context;
  private final Terminal terminal;
  private boolean proceeded;

  public InterceptorChain(List<McpInterceptor> interceptors, int index, Direction direction,
      String method, JsonNode params, Attributes attributes, RequestContext context, Terminal terminal) {
    this.interceptors = interceptors;
    this.index = index;
    this.direction = direction;
    this.method = method;
    this.params = params;
    this.attributes = attributes;
    this.context = context;
    this.terminal = terminal;
  }

  public static JsonNode run(List<McpInterceptor> interceptors, Direction direction, String method,
      JsonNode params, Attributes attributes, RequestContext context, Terminal terminal)
      throws Exception {
    if (interceptors.isEmpty()) {
      return terminal.call(params);
    }
    return new InterceptorChain(interceptors, 0, direction, method, params, attributes, context,
        terminal).proceed(params);
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public JsonNode params() {
    return params;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public RequestContext context() {
    return context;
  }

  @Override
  public JsonNode proceed(JsonNode newParams) throws Exception {
    if (proceeded) {
      throw new IllegalStateException("interceptor " + interceptors.get(index - 1 < 0 ? 0 : index - 1)
          + " called proceed() more than once for " + method);
    }
    proceeded = true;
    if (index >= interceptors.size()) {
      return terminal.call(newParams);
    }
    McpInterceptor next = interceptors.get(index);
    JsonNode result = next.intercept(new InterceptorChain(interceptors, index + 1, direction, method,
        newParams, attributes, context, terminal));
    return result;
  }
}
