package com.aiagent.feed;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * A near cache in front of the shared one: rankings are looked up in this process first and in
 * Redis next, so repeated requests skip both the network and the JSON decoding, while cursors that
 * land on another instance still find the ranking they walk. A change to a user's data drops both;
 * another instance's near copy lives at most one TTL.
 */
final class TieredFeedCache implements FeedCache {
  private final FeedCache near;
  private final FeedCache shared;

  TieredFeedCache(FeedCache near, FeedCache shared) {
    this.near = near;
    this.shared = shared;
  }

  @Override
  public Future<Optional<Ranked>> fresh(String userId, Instant now) {
    return near.fresh(userId, now)
        .compose(
            hit ->
                hit.isPresent()
                    ? Future.succeededFuture(hit)
                    : remember(userId, shared.fresh(userId, now)));
  }

  @Override
  public Future<Optional<Ranked>> at(String userId, Instant asOf) {
    return near.at(userId, asOf)
        .compose(
            hit ->
                hit.isPresent()
                    ? Future.succeededFuture(hit)
                    : remember(userId, shared.at(userId, asOf)));
  }

  private Future<Optional<Ranked>> remember(String userId, Future<Optional<Ranked>> lookup) {
    return lookup.compose(
        found ->
            found.isPresent()
                ? near.put(userId, found.get()).map(found)
                : Future.succeededFuture(found));
  }

  @Override
  public Future<Void> put(String userId, Ranked ranked) {
    return Future.join(near.put(userId, ranked), shared.put(userId, ranked)).mapEmpty();
  }

  @Override
  public Future<Void> drop(String userId) {
    return Future.join(near.drop(userId), shared.drop(userId)).mapEmpty();
  }
}
