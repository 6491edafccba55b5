package dev.mcpkit.core.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The methods one side answers: an immutable table from method name to handler, shared by every
 * connection of that side. Build it once with {@link #builder()}.
 */
public final class MethodHandlers {
  private final Map<String, RequestHandler> requests;
  private final Map<String, NotificationHandler> notifications;

  private MethodHandlers(Builder b) {
    this.requests = Map.copyOf(b.requests);
    this.notifications = Map.copyOf(b.notifications);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The handler for a request method, or null. */
  public RequestHandler request(String method) {
    return requests.get(method);
  }

  /** The handler for a notification method, or null. */
  public NotificationHandler notification(String method) {
    return notifications.get(method);
  }

  public Set<String> requestMethods() {
    return requests.keySet();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.requests.putAll(requests);
    b.notifications.putAll(notifications);
    return b;
  }

  public static final class Builder {
    private final Map<String, RequestHandler> requests = new HashMap<>();
    private final Map<String, NotificationHandler> notifications = new HashMap<>();

    private Builder() {
      requests.put("ping", (ctx, params) -> null);
    }

    /** Answers {@code method} with {@code handler}, replacing an earlier one. */
    public Builder onRequest(String method, RequestHandler handler) {
      requests.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    public Builder onNotification(String method, NotificationHandler handler) {
      notifications.put(Objects.requireNonNull(method, "method"),
          Objects.requireNonNull(handler, "handler"));
      return this;
    }

    public MethodHandlers build() {
      return new MethodHandlers(this);
    }
  }
}
