package com.aiagent.feed;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The feed cache inside one process (no Redis): one instance per verticle instance, used from its
 * event loop only, so it needs no locking; least recently used users are evicted past {@code
 * maxUsers}.
 */
final class LocalFeedCache implements FeedCache {
  private final Duration ttl;
  private final Map<String, Ranked> byUser;

  LocalFeedCache(Duration ttl, int maxUsers) {
    this.ttl = ttl;
    this.byUser =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Ranked> eldest) {
            return size() > maxUsers;
          }
        };
  }

  @Override
  public Future<Optional<Ranked>> fresh(String userId, Instant now) {
    Ranked ranked = byUser.get(userId);
    return Future.succeededFuture(
        Optional.ofNullable(ranked).filter(r -> FeedCache.isFresh(r, ttl, now)));
  }

  @Override
  public Future<Optional<Ranked>> at(String userId, Instant asOf) {
    Ranked ranked = byUser.get(userId);
    return Future.succeededFuture(Optional.ofNullable(ranked).filter(r -> r.asOf().equals(asOf)));
  }

  @Override
  public Future<Void> put(String userId, Ranked ranked) {
    if (!ttl.isZero()) {
      byUser.put(userId, ranked);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> drop(String userId) {
    byUser.remove(userId);
    return Future.succeededFuture();
  }
}
