package com.aiagent.generation;

import com.aiagent.cache.RedisCache;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets kept in Redis, so every instance of the service draws from the same bucket: one Lua
 * script refills and takes atomically, on Redis's clock (instances' clocks may differ). When Redis
 * fails, each instance counts in its own {@link LocalRateLimiter} until Redis answers again: the
 * limit then holds per instance, not across them; this is logged, at most once per {@code
 * logEvery}, and health says so.
 */
final class RedisRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
  private static final String PREFIX = "ratelimit:generate-feed:";

  /** KEYS[1] bucket; ARGV limit, window ms. Answers {allowed 0/1, ms until a token is back}. */
  static final String TAKE =
      "local t = redis.call('TIME') "
          + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) "
          + "local limit = tonumber(ARGV[1]) "
          + "local window = tonumber(ARGV[2]) "
          + "local s = redis.call('HMGET', KEYS[1], 'tokens', 'at') "
          + "local tokens = tonumber(s[1]) "
          + "local at = tonumber(s[2]) "
          + "if tokens == nil or at == nil then tokens = limit at = now end "
          + "tokens = math.min(limit, tokens + math.max(0, now - at) * limit / window) "
          + "local allowed = 0 "
          + "local wait = 0 "
          + "if tokens >= 1 then tokens = tokens - 1 allowed = 1 "
          + "else wait = math.ceil((1 - tokens) * window / limit) end "
          + "redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now)) "
          + "redis.call('PEXPIRE', KEYS[1], window) "
          + "return {allowed, wait}";

  private final RedisCache redis;
  private final Duration window;
  private final LocalRateLimiter fallback;
  private final long logEveryMs;
  private final AtomicLong lastLogMs = new AtomicLong(Long.MIN_VALUE / 2);
  private final AtomicLong failuresSinceLog = new AtomicLong();
  private volatile boolean fallingBack;

  RedisRateLimiter(
      RedisCache redis, Duration window, LocalRateLimiter fallback, Duration logEvery) {
    this.redis = redis;
    this.window = window;
    this.fallback = fallback;
    this.logEveryMs = logEvery.toMillis();
  }

  @Override
  public Future<Decision> acquire(String key, int limit, Instant now) {
    return redis
        .eval(
            TAKE,
            List.of(redis.key(PREFIX + key)),
            List.of(String.valueOf(limit), String.valueOf(window.toMillis())))
        .map(
            reply -> {
              if (fallingBack) {
                fallingBack = false;
                LOG.info("generate-feed rate limit is counted in Redis again");
              }
              return reply.get(0).toInteger() == 1
                  ? new Decision(true, 0)
                  : new Decision(false, Math.max(1, (reply.get(1).toLong() + 999) / 1000));
            })
        .recover(
            error -> {
              fellBack(error);
              return fallback.acquire(key, limit, now);
            });
  }

  private void fellBack(Throwable error) {
    fallingBack = true;
    long failures = failuresSinceLog.incrementAndGet();
    long nowMs = System.currentTimeMillis();
    long last = lastLogMs.get();
    if (nowMs - last >= logEveryMs && lastLogMs.compareAndSet(last, nowMs)) {
      failuresSinceLog.addAndGet(-failures);
      LOG.warn(
          "generate-feed rate limit not counted in Redis ({}; {} failure(s)); counting on this"
              + " instance alone until Redis answers, so each instance allows the full limit",
          error.getMessage(),
          failures);
    }
  }

  @Override
  public String mode() {
    return fallingBack ? "local-fallback" : "redis";
  }
}
