package dev.mcpkit.postgres.internal;

import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.RequestStateStore;
import dev.mcpkit.server.spi.SessionStore;
import dev.mcpkit.server.spi.TaskStore;
import java.time.Clock;

/**
 * The mcp-server stores. Kept apart from the auth and policy factories so that a host without those
 * modules on its class path never loads their types.
 */
public final class ServerStores {
  private ServerStores() {}

  public static SessionStore sessions(Database db) {
    return new PgSessionStore(db);
  }

  public static RequestStateStore requestStates(Database db) {
    return new PgRequestStateStore(db);
  }

  public static MessageRelay relay(Database db) {
    return new PgMessageRelay(db);
  }

  public static EventStore events(Database db, int maxEventsPerSession) {
    return new PgEventStore(db, maxEventsPerSession);
  }

  public static TaskStore tasks(Database db, Clock clock, int maxTasksPerOwner,
      int maxPayloadChars) {
    return new PgTaskStore(db, clock, maxTasksPerOwner, maxPayloadChars);
  }
}
