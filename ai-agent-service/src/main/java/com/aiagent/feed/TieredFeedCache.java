package com.aiagent.feed;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * A near cache in front of the shared one: rankings are looked up in this process first and in
 * Redis next, so repeated requests skip both the network and the JSON decoding, while cursors that
 * land on another instance still find the ranking they walk. {@link #invalidate} clears the near
 * tier only: the shared tier is invalidated once per change, by {@link FeedChanges}, on the
 * instance where the change happened.
 */
final class TieredFeedCache implements FeedCache {
  private final LocalFeedCache near;
  private final RedisFeedCache shared;

  TieredFeedCache(LocalFeedCache near, RedisFeedCache shared) {
    this.near = near;
    this.shared = shared;
  }

  @Override
  public Future<Lookup> fresh(String userId, Instant now) {
    return near.fresh(userId, now)
        .compose(
            hit -> {
              if (hit.ranked().isPresent()) {
                return Future.succeededFuture(hit);
              }
              long local = hit.token().local();
              return shared
                  .fresh(userId, now)
                  .compose(
                      remote -> {
                        Token token = new Token(local, remote.token().shared());
                        Lookup lookup = new Lookup(remote.ranked(), token);
                        return remote.ranked().isPresent()
                            ? near.put(userId, remote.ranked().get(), token).map(lookup)
                            : Future.succeededFuture(lookup);
                      });
            });
  }

  @Override
  public Future<Optional<Ranked>> at(String userId, Instant asOf) {
    return near.at(userId, asOf)
        .compose(hit -> hit.isPresent() ? Future.succeededFuture(hit) : shared.at(userId, asOf));
  }

  @Override
  public Future<Void> put(String userId, Ranked ranked, Token token) {
    return Future.join(near.put(userId, ranked, token), shared.put(userId, ranked, token))
        .mapEmpty();
  }

  @Override
  public Future<Void> invalidate(String userId) {
    return near.invalidate(userId);
  }
}
