package com.aiagent.generation;

import io.vertx.core.Future;
import java.time.Instant;

/** Per-user limits on generate-feed: at most N requests in each one-minute window. */
interface RateLimiter {
  record Decision(boolean allowed, long retryAfterSeconds) {}

  Future<Decision> acquire(String userId, Instant now);
}
