package dev.mcpkit.core.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shields the engine from a listener that throws: the exception is logged and the work goes on. */
public final class SafeListener implements McpEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
  private final McpEventListener delegate;

  private SafeListener(McpEventListener delegate) {
    this.delegate = delegate;
  }

  public static McpEventListener wrap(McpEventListener listener) {
    if (listener == McpEventListener.NONE || listener instanceof SafeListener) {
      return listener;
    }
    return new SafeListener(listener);
  }

  private void failed(String event, RuntimeException e) {
    LOG.warn("event listener {} failed in {}", delegate.getClass().getName(), event, e);
  }

  @Override
  public boolean readsResultTrees() {
    return delegate.readsResultTrees();
  }

  @Override
  public void requestStarted(RequestInfo request) {
    try {
      delegate.requestStarted(request);
    } catch (RuntimeException e) {
      failed("requestStarted", e);
    }
  }

  @Override
  public void requestSucceeded(RequestInfo request, JsonNode result, long durationNanos) {
    try {
      delegate.requestSucceeded(request, result, durationNanos);
    } catch (RuntimeException e) {
      failed("requestSucceeded", e);
    }
  }

  @Override
  public void requestFailed(RequestInfo request, JsonRpcError error, long durationNanos) {
    try {
      delegate.requestFailed(request, error, durationNanos);
    } catch (RuntimeException e) {
      failed("requestFailed", e);
    }
  }

  @Override
  public void requestCancelled(RequestInfo request, String reason) {
    try {
      delegate.requestCancelled(request, reason);
    } catch (RuntimeException e) {
      failed("requestCancelled", e);
    }
  }

  @Override
  public void notificationReceived(String method, JsonNode params, Attributes connection) {
    try {
      delegate.notificationReceived(method, params, connection);
    } catch (RuntimeException e) {
      failed("notificationReceived", e);
    }
  }

  @Override
  public void notificationSent(String method, JsonNode params, Attributes connection) {
    try {
      delegate.notificationSent(method, params, connection);
    } catch (RuntimeException e) {
      failed("notificationSent", e);
    }
  }

  @Override
  public void notificationReceived(String method, JsonNode params) {
    try {
      delegate.notificationReceived(method, params);
    } catch (RuntimeException e) {
      failed("notificationReceived", e);
    }
  }

  @Override
  public void notificationSent(String method, JsonNode params) {
    try {
      delegate.notificationSent(method, params);
    } catch (RuntimeException e) {
      failed("notificationSent", e);
    }
  }

  @Override
  public void messageRejected(JsonRpcError error) {
    try {
      delegate.messageRejected(error);
    } catch (RuntimeException e) {
      failed("messageRejected", e);
    }
  }

  @Override
  public void sessionStarted(dev.mcpkit.core.engine.ConnectionInfo session) {
    try {
      delegate.sessionStarted(session);
    } catch (RuntimeException e) {
      failed("sessionStarted", e);
    }
  }

  @Override
  public void sessionEnded(dev.mcpkit.core.engine.ConnectionInfo session, long durationNanos,
      String errorType) {
    try {
      delegate.sessionEnded(session, durationNanos, errorType);
    } catch (RuntimeException e) {
      failed("sessionEnded", e);
    }
  }
}
