package com.aiagent.generation;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Limits generate-feed per caller: a token bucket of {@code limit} tokens that refills {@code
 * limit} per window, so at most {@code limit} requests pass in a burst and no window boundary
 * doubles it. Two implementations: counted in Redis (shared by every instance) and in this process.
 */
interface RateLimiter {
  record Decision(boolean allowed, long retryAfterSeconds) {}

  /** Takes a token from {@code key}'s bucket of {@code limit} a window (limit at least 1). */
  Future<Decision> acquire(String key, int limit, Instant now);

  /** Where requests are counted now, for health: {@code redis}, {@code local} or a fallback. */
  String mode();
}
