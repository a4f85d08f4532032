package com.aiagent.http;

import com.aiagent.bus.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one HTTP verticle does between SIGTERM and its server closing: every answer carries {@code
 * Connection: close}, so keep-alive clients reconnect (to another instance) instead of sending
 * their next request down a closing connection; and at {@code http.drain_answer_ms} the requests
 * still waiting (a slow model call, say) are answered 503 with {@code Retry-After}, so every client
 * hears back inside the grace period instead of losing its connection at its end. Used on the
 * verticle's event loop only.
 */
final class Drain {
  private final Set<RoutingContext> inFlight = new HashSet<>();
  private volatile boolean draining;

  /** The first handler of every route: counts the request in until its response ends. */
  void track(RoutingContext ctx) {
    inFlight.add(ctx);
    ctx.addEndHandler(done -> inFlight.remove(ctx));
    ctx.addHeadersEndHandler(
        v -> {
          if (draining) {
            ctx.response().putHeader("Connection", "close");
          }
        });
    ctx.next();
  }

  /** Starts draining; the requests still waiting after {@code answerAfterMs} get their 503. */
  void begin(Vertx vertx, long answerAfterMs) {
    draining = true;
    if (!inFlight.isEmpty()) {
      vertx.setTimer(Math.max(1, answerAfterMs), t -> answerInFlight());
    }
  }

  private void answerInFlight() {
    for (RoutingContext ctx : List.copyOf(inFlight)) {
      if (!ctx.response().headWritten()) {
        ctx.response().putHeader("Retry-After", "1");
        ApiError.send(ctx, ErrorCode.UNAVAILABLE, "the service is restarting; retry the request");
      }
    }
  }
}
