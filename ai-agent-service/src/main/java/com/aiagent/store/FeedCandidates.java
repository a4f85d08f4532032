package com.aiagent.store;

import java.time.Instant;
import java.util.List;

/**
 * A user's feed candidates as built at {@code builtAt}: the contents and live campaigns nearest to
 * their taste, with the signals that do not change from one request to the next. What does change
 * (hides, impressions, ad delivery) is read with them per request, in {@link FeedState}.
 */
public record FeedCandidates(
    Instant builtAt, List<ContentCandidate> contents, List<AdCandidate> ads) {

  /**
   * A content near the user's taste: {@code likedBySimilarUsers} counts the bounded set of similar
   * users who liked it, {@code likedSimilarity} is its best cosine to the user's newest likes (null
   * without likes).
   */
  public record ContentCandidate(
      String id,
      String authorId,
      String category,
      String productId,
      Instant createdAt,
      double similarity,
      boolean followedAuthor,
      int likedBySimilarUsers,
      Double likedSimilarity) {}

  /**
   * A campaign live at build time that targets the user's interests; {@code dailyBudget} and {@code
   * frequencyCap} are null where the campaign takes the configured defaults.
   */
  public record AdCandidate(
      String id,
      String productId,
      String category,
      String advertiser,
      double bid,
      Instant startsAt,
      Instant endsAt,
      Double dailyBudget,
      Integer frequencyCap,
      double similarity) {}
}
