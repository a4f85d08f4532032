package com.aiagent.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The feed cache inside one process: one instance per verticle instance, used from its event loop.
 * Rankings are bounded by an estimate of their heap use ({@code maxKb}; Caffeine evicts the least
 * valuable) and kept no longer than a cursor can ask for them ({@code keep}); a count bound let
 * 100,000 users' rankings fill gigabytes of heap. Each user's version counts the changes seen here,
 * for at most {@code maxUsers} users; a forgotten version reads as 0, which only ever refuses a put
 * that would have been allowed, never the other way round.
 */
final class LocalFeedCache implements FeedCache {
  /** Bytes a ranked item costs besides its characters: the record, its list and strings. */
  private static final int ITEM_OVERHEAD = 240;

  private final Duration ttl;
  private final Cache<String, Ranked> byUser;
  private final Map<String, Long> versions;

  LocalFeedCache(Duration ttl, Duration keep, int maxKb, int maxUsers) {
    this.ttl = ttl;
    this.byUser =
        Caffeine.newBuilder()
            .maximumWeight(maxKb * 1024L)
            .weigher((String userId, Ranked ranked) -> weight(ranked))
            .expireAfterWrite(keep.compareTo(ttl) > 0 ? keep : ttl)
            // Eviction runs on the event loop that writes: a few O(1) steps per write.
            .executor(Runnable::run)
            .build();
    this.versions = lru(maxUsers);
  }

  private static int weight(Ranked ranked) {
    long bytes = 64;
    for (RankedItem item : ranked.items()) {
      bytes += ITEM_OVERHEAD + 2L * (length(item.id()) + length(item.category()));
      bytes +=
          2L * (length(item.authorId()) + length(item.productId()) + length(item.advertiser()));
      bytes += 16L * item.reasons().size();
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
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
    Ranked ranked = byUser.getIfPresent(userId);
    return Future.succeededFuture(
        new Lookup(
            Optional.ofNullable(ranked).filter(r -> FeedCache.isFresh(r, ttl, now)),
            new Token(version(userId), -1)));
  }

  @Override
  public Future<Optional<Ranked>> at(String userId, Instant asOf) {
    Ranked ranked = byUser.getIfPresent(userId);
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
    byUser.invalidate(userId);
    versions.put(userId, version(userId) + 1);
    return Future.succeededFuture();
  }
}
