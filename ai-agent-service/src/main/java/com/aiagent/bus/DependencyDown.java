package com.aiagent.bus;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Tells a dependency outage (a store or driver that cannot be reached, a closed pool or connection,
 * a server refusing work) from a bug: the first is {@link ErrorCode#UNAVAILABLE}, the caller may
 * retry; the second stays {@link ErrorCode#INTERNAL}.
 */
public final class DependencyDown {
  private DependencyDown() {}

  public static boolean test(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof ConnectException
          || e instanceof NoRouteToHostException
          || e instanceof UnknownHostException
          || e instanceof ClosedChannelException
          || e instanceof ClosedConnectionException) {
        return true;
      }
      if (e instanceof DatabaseException db && unavailableState(db.getSqlState())) {
        return true;
      }
      if (closedMessage(e.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (shutdown, cannot connect
   * now) and 58 (system error): the server cannot serve, the statement was not at fault.
   */
  private static boolean unavailableState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || state.startsWith("58"));
  }

  /** Vert.x pools and clients fail with plain exceptions once closed. */
  private static boolean closedMessage(String message) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase(Locale.ROOT);
    return m.equals("pool closed")
        || m.equals("client is closed")
        || m.equals("connection was closed")
        || m.startsWith("connection refused");
  }
}
