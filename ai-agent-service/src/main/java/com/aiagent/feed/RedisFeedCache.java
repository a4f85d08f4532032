package com.aiagent.feed;

import com.aiagent.cache.RedisCache;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed cache in Redis, shared by every instance of the service: one key per user, expiring with
 * the TTL, and beside it the user's version, raised by every change. A ranking is written only if
 * the version is still the one read before ranking began (checked and set in one script), so a
 * ranking that raced a change on any instance is dropped, not served. When Redis is down every
 * lookup is a miss and every write is skipped.
 */
final class RedisFeedCache implements FeedCache {
  private static final Logger LOG = LoggerFactory.getLogger(RedisFeedCache.class);
  private static final String PREFIX = "feed:";
  private static final String VERSION_PREFIX = "feed-version:";

  /** KEYS: ranking, version; ARGV: ranking, expected version, TTL ms. */
  private static final String PUT_IF_UNCHANGED =
      "if (redis.call('GET', KEYS[2]) or '0') == ARGV[2] then "
          + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) return 1 end return 0";

  /** KEYS: ranking, version; ARGV: how long a version is kept, ms. */
  private static final String INVALIDATE =
      "redis.call('INCR', KEYS[2]) redis.call('PEXPIRE', KEYS[2], ARGV[1]) "
          + "return redis.call('DEL', KEYS[1])";

  /** A version outlives any ranking that could have read it. */
  private static final long VERSION_TTL_MS = Duration.ofDays(1).toMillis();

  private final RedisCache redis;
  private final Duration ttl;

  RedisFeedCache(RedisCache redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  private String key(String userId) {
    return redis.key(PREFIX + userId);
  }

  private String versionKey(String userId) {
    return redis.key(VERSION_PREFIX + userId);
  }

  @Override
  public Future<Lookup> fresh(String userId, Instant now) {
    if (ttl.isZero()) {
      return Future.succeededFuture(new Lookup(Optional.empty(), new Token(0, -1)));
    }
    return redis
        .getAll(List.of(key(userId), versionKey(userId)))
        .map(
            values -> {
              Optional<Ranked> ranked =
                  decode(values.get(0)).filter(r -> FeedCache.isFresh(r, ttl, now));
              Buffer version = values.get(1);
              long shared = version == null ? 0 : Long.parseLong(version.toString());
              return new Lookup(ranked, new Token(0, shared));
            })
        .otherwise(new Lookup(Optional.empty(), new Token(0, -1)));
  }

  private Optional<Ranked> decode(Buffer bytes) {
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(RankedCodec.decode(bytes));
    } catch (RuntimeException e) {
      LOG.warn("feed cache entry unreadable, ranking again: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public Future<Optional<Ranked>> at(String userId, Instant asOf) {
    if (ttl.isZero()) {
      return Future.succeededFuture(Optional.empty());
    }
    return redis
        .get(key(userId))
        .map(bytes -> decode(bytes).filter(r -> r.asOf().equals(asOf)))
        .otherwise(Optional.empty());
  }

  @Override
  public Future<Void> put(String userId, Ranked ranked, Token token) {
    if (ttl.isZero() || token.shared() < 0) {
      return Future.succeededFuture();
    }
    return redis
        .eval(
            PUT_IF_UNCHANGED,
            List.of(key(userId), versionKey(userId)),
            List.of(
                RankedCodec.encode(ranked),
                String.valueOf(token.shared()),
                String.valueOf(ttl.toMillis())))
        .onFailure(e -> LOG.debug("feed cache write skipped: {}", e.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  @Override
  public Future<Void> invalidate(String userId) {
    return redis
        .eval(
            INVALIDATE,
            List.of(key(userId), versionKey(userId)),
            List.of(String.valueOf(VERSION_TTL_MS)))
        .onFailure(e -> LOG.warn("feed cache of {} not invalidated: {}", userId, e.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}
