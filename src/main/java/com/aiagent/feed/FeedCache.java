package com.aiagent.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each user's ranked feed, kept for a short time so that scrolling and refreshes do not rank again.
 * A ranking is only ever reused for the same user, and a cursor only reuses the ranking made at its
 * own instant, so pages stay consistent. One instance per verticle instance, used from its event
 * loop only, so it needs no locking; least recently used users are evicted past {@code maxUsers}.
 */
final class FeedCache {
  record Ranked(Instant asOf, List<FeedItem> items) {}

  private final Duration ttl;
  private final Map<String, Ranked> byUser;

  FeedCache(Duration ttl, int maxUsers) {
    this.ttl = ttl;
    this.byUser =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Ranked> eldest) {
            return size() > maxUsers;
          }
        };
  }

  /** A fresh ranking for a first page: made less than the TTL before {@code now}. */
  Optional<Ranked> fresh(String userId, Instant now) {
    Ranked ranked = byUser.get(userId);
    if (ranked == null || ttl.isZero() || !ranked.asOf().plus(ttl).isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(ranked);
  }

  /** The ranking a cursor walks, if it is still kept. */
  Optional<Ranked> at(String userId, Instant asOf) {
    Ranked ranked = byUser.get(userId);
    return ranked != null && ranked.asOf().equals(asOf) ? Optional.of(ranked) : Optional.empty();
  }

  void put(String userId, Ranked ranked) {
    if (!ttl.isZero()) {
      byUser.put(userId, ranked);
    }
  }
}
