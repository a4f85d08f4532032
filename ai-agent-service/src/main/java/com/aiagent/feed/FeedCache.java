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
 *
 * <p>A first-page lookup hands out a {@link Token}; a ranking is put back only with the token of
 * the lookup it started from, and {@link #invalidate} makes every older token worthless, so a
 * ranking that began before a user's data changed never lands in the cache after the change.
 */
interface FeedCache {
  /**
   * {@code graphMissing}: ranked without the graph's signals; cached so that the next pages of its
   * cursor stay the same, but never served as a first page.
   */
  record Ranked(Instant asOf, List<RankedItem> items, boolean graphMissing) {
    Ranked(Instant asOf, List<RankedItem> items) {
      this(asOf, items, false);
    }
  }

  /**
   * The user's version in the near ({@code local}) and shared ({@code shared}, -1: not read) tier.
   */
  record Token(long local, long shared) {}

  record Lookup(Optional<Ranked> ranked, Token token) {}

  /** A ranking for a first page, made less than the TTL before {@code now}, and a token. */
  Future<Lookup> fresh(String userId, Instant now);

  /** The ranking a cursor walks, if it is still kept. */
  Future<Optional<Ranked>> at(String userId, Instant asOf);

  /** Keeps {@code ranked} unless the user changed since {@code token} was handed out. */
  Future<Void> put(String userId, Ranked ranked, Token token);

  /** The user's data changed: forget their ranking and refuse puts with older tokens. */
  Future<Void> invalidate(String userId);

  static boolean isFresh(Ranked ranked, Duration ttl, Instant now) {
    return !ttl.isZero() && ranked.asOf().plus(ttl).isAfter(now);
  }
}
