package com.aiagent.store;

import java.util.List;
import java.util.Map;

/**
 * A user's bounded graph neighbourhood, what a feed build ranks with: the user's newest follows
 * (candidate authors are checked against these), their newest likes, and how many of a bounded set
 * of similar users liked each content. The similar users are the newest followed ones and the
 * newest other likers of each of the user's newest likes.
 */
public record GraphSignals(
    List<String> follows, List<String> recentLikes, Map<String, Integer> peerLikes) {

  /**
   * The bounds of {@link GraphStore#signals}: {@code follows} newest follows answered, {@code
   * recentLikes} newest likes, {@code likersPerLike} newest other likers per like and {@code
   * followedPeers} newest follows as similar users, and {@code peerLikes} newest likes per similar
   * user counted.
   */
  public record Bounds(
      int follows, int recentLikes, int likersPerLike, int followedPeers, int peerLikes) {
    public static Bounds of(CandidateSpec spec, int follows) {
      return new Bounds(
          follows,
          spec.recentLikes(),
          spec.likersPerLike(),
          spec.followedPeers(),
          spec.peerLikes());
    }
  }

  public static GraphSignals none() {
    return new GraphSignals(List.of(), List.of(), Map.of());
  }
}
