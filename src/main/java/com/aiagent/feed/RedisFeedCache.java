package com.aiagent.feed;

import com.aiagent.bus.BusJson;
import com.aiagent.cache.RedisCache;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed cache in Redis, shared by every instance of the service: one key per user, expiring with
 * the TTL. When Redis is down every lookup is a miss and every write is skipped.
 */
final class RedisFeedCache implements FeedCache {
  private static final Logger LOG = LoggerFactory.getLogger(RedisFeedCache.class);
  private static final String PREFIX = "feed:";

  private final RedisCache redis;
  private final Duration ttl;

  RedisFeedCache(RedisCache redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  private String key(String userId) {
    return redis.key(PREFIX + userId);
  }

  private Future<Optional<Ranked>> load(String userId) {
    if (ttl.isZero()) {
      return Future.succeededFuture(Optional.empty());
    }
    return redis
        .get(key(userId))
        .map(bytes -> Optional.ofNullable(bytes).map(b -> BusJson.decode(b, Ranked.class)))
        .otherwise(Optional.empty());
  }

  @Override
  public Future<Optional<Ranked>> fresh(String userId, Instant now) {
    return load(userId).map(found -> found.filter(r -> FeedCache.isFresh(r, ttl, now)));
  }

  @Override
  public Future<Optional<Ranked>> at(String userId, Instant asOf) {
    return load(userId).map(found -> found.filter(r -> r.asOf().equals(asOf)));
  }

  @Override
  public Future<Void> put(String userId, Ranked ranked) {
    if (ttl.isZero()) {
      return Future.succeededFuture();
    }
    return redis
        .set(key(userId), BusJson.encode(ranked), ttl.toMillis())
        .onFailure(e -> LOG.debug("feed cache write skipped: {}", e.getMessage()))
        .otherwiseEmpty();
  }

  @Override
  public Future<Void> drop(String userId) {
    return redis.delete(key(userId)).otherwiseEmpty();
  }
}
