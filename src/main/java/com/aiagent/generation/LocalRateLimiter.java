package com.aiagent.generation;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed windows counted in this process: the limiter without Redis, and Redis's stand-in while it
 * is down. Windows start at a user's first request; finished ones are dropped as they are seen.
 */
final class LocalRateLimiter implements RateLimiter {
  private static final int PRUNE_ABOVE = 10_000;

  private record Window(Instant start, int count) {}

  private final int limit;
  private final Duration window;
  private final Map<String, Window> windows = new HashMap<>();

  LocalRateLimiter(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  @Override
  public synchronized Future<Decision> acquire(String userId, Instant now) {
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
    }
    Window current = windows.get(userId);
    if (current == null || !current.start().plus(window).isAfter(now)) {
      current = new Window(now, 0);
    }
    if (current.count() >= limit) {
      long waitMs = Duration.between(now, current.start().plus(window)).toMillis();
      return Future.succeededFuture(new Decision(false, Math.max(1, (waitMs + 999) / 1000)));
    }
    windows.put(userId, new Window(current.start(), current.count() + 1));
    return Future.succeededFuture(new Decision(true, 0));
  }
}
