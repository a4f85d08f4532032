package com.aiagent.feed;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each user's ranked feed, kept for a short time so that scrolling and refreshes do not rank again.
 * A ranking is only ever reused for the same user, and a cursor only reuses the ranking made at its
 * own instant, so pages stay consistent. A cache that fails answers "not cached": ranking again is
 * always correct.
 */
interface FeedCache {
  record Ranked(Instant asOf, List<FeedItem> items) {}

  /** A ranking for a first page, made less than the TTL before {@code now}. */
  Future<Optional<Ranked>> fresh(String userId, Instant now);

  /** The ranking a cursor walks, if it is still kept. */
  Future<Optional<Ranked>> at(String userId, Instant asOf);

  Future<Void> put(String userId, Ranked ranked);

  /** Forgets the user's ranking, after their data changed. */
  Future<Void> drop(String userId);

  static boolean isFresh(Ranked ranked, Duration ttl, Instant now) {
    return !ttl.isZero() && ranked.asOf().plus(ttl).isAfter(now);
  }
}
