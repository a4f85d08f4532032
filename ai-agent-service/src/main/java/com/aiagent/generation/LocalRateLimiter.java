package com.aiagent.generation;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets counted in this process: the limiter of the embedded default, and Redis's stand-in
 * while it fails. At most {@code maxKeys} callers are remembered; past that the least recently seen
 * is forgotten (O(1)), and a forgotten caller starts again with a full bucket.
 */
final class LocalRateLimiter implements RateLimiter {
  private static final class Bucket {
    double tokens;
    long atMs;

    Bucket(double tokens, long atMs) {
      this.tokens = tokens;
      this.atMs = atMs;
    }
  }

  private final long windowMs;
  private final Map<String, Bucket> buckets;

  LocalRateLimiter(Duration window, int maxKeys) {
    this.windowMs = window.toMillis();
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxKeys;
          }
        };
  }

  @Override
  public Future<Decision> acquire(String key, int limit, Instant now) {
    return Future.succeededFuture(take(key, limit, now.toEpochMilli()));
  }

  private synchronized Decision take(String key, int limit, long nowMs) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      bucket = new Bucket(limit, nowMs);
      buckets.put(key, bucket);
    }
    long elapsed = Math.max(0, nowMs - bucket.atMs);
    bucket.tokens = Math.min(limit, bucket.tokens + elapsed * (double) limit / windowMs);
    bucket.atMs = Math.max(bucket.atMs, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return new Decision(true, 0);
    }
    double waitMs = (1 - bucket.tokens) * windowMs / limit;
    return new Decision(false, Math.max(1, (long) Math.ceil(waitMs / 1000)));
  }

  synchronized int size() {
    return buckets.size();
  }

  @Override
  public String mode() {
    return "local";
  }
}
