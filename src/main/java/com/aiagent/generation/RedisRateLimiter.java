package com.aiagent.generation;

import com.aiagent.cache.RedisCache;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed windows counted in Redis, so the limit holds across every instance of the service. While
 * Redis is down each instance counts on its own instead.
 */
final class RedisRateLimiter implements RateLimiter {
  private static final String PREFIX = "ratelimit:generate-feed:";

  private final RedisCache redis;
  private final int limit;
  private final Duration window;
  private final LocalRateLimiter fallback;

  RedisRateLimiter(RedisCache redis, int limit, Duration window) {
    this.redis = redis;
    this.limit = limit;
    this.window = window;
    this.fallback = new LocalRateLimiter(limit, window);
  }

  @Override
  public Future<Decision> acquire(String userId, Instant now) {
    return redis
        .incrementWindow(redis.key(PREFIX + userId), window.toMillis())
        .map(
            counted ->
                counted.count() <= limit
                    ? new Decision(true, 0)
                    : new Decision(false, Math.max(1, (counted.remainingMs() + 999) / 1000)))
        .recover(error -> fallback.acquire(userId, now));
  }
}
