package com.aiagent.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How to build one user's candidates: as of {@code asOf} (contents created by then, campaigns live
 * then), the delivery {@code day}, the sizes of the two vector searches, and the bounds of the
 * similar-users signal. {@code store} false builds without keeping the result.
 */
public record CandidateSpec(
    Instant asOf,
    LocalDate day,
    int contentPool,
    int adPool,
    int recentLikes,
    int likersPerLike,
    int followedPeers,
    int peerLikes,
    boolean store) {

  /** The spec the feed's configuration gives. */
  public static CandidateSpec forFeed(
      com.aiagent.config.AppConfig.Feed config, Instant asOf, LocalDate day, boolean store) {
    com.aiagent.config.AppConfig.Signals s = config.signals();
    return new CandidateSpec(
        asOf,
        day,
        config.contentPool(),
        config.adPool(),
        s.recentLikes(),
        s.likersPerLike(),
        s.followedPeers(),
        s.peerLikes(),
        store);
  }
}
