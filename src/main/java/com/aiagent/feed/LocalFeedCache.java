package com.aiagent.feed;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The feed cache inside one process: one instance per verticle instance, used from its event loop
 * only, so it needs no locking; least recently used users are evicted past {@code maxUsers}. Each
 * user's version counts the changes seen here; a forgotten version reads as 0, which only ever
 * refuses a put that would have been allowed, never the other way round.
 */
final class LocalFeedCache implements FeedCache {
  private final Duration ttl;
  private final Map<String, Ranked> byUser;
  private final Map<String, Long> versions;

  LocalFeedCache(Duration ttl, int maxUsers) {
    this.ttl = ttl;
    this.byUser = lru(maxUsers);
    this.versions = lru(maxUsers);
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  long version(String userId) {
    return versions.getOrDefault(userId, 0L);
  }

  @Override
  public Future<Lookup> fresh(String userId, Instant now) {
    Ranked ranked = byUser.get(userId);
    return Future.succeededFuture(
        new Lookup(
            Optional.ofNullable(ranked).filter(r -> FeedCache.isFresh(r, ttl, now)),
            new Token(version(userId), -1)));
  }

  @Override
  public Future<Optional<Ranked>> at(String userId, Instant asOf) {
    Ranked ranked = byUser.get(userId);
    return Future.succeededFuture(Optional.ofNullable(ranked).filter(r -> r.asOf().equals(asOf)));
  }

  @Override
  public Future<Void> put(String userId, Ranked ranked, Token token) {
    if (!ttl.isZero() && token.local() == version(userId)) {
      byUser.put(userId, ranked);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> invalidate(String userId) {
    byUser.remove(userId);
    versions.put(userId, version(userId) + 1);
    return Future.succeededFuture();
  }
}
