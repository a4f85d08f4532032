package com.aiagent.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a batch of new events changes, written together with the events: graph edges added and
 * removed (the net result of the batch, in its order), items hidden for good, impressions of
 * contents, charged ad impressions, moves of taste vectors (added to the current taste and
 * renormalized), and the users whose stored feed candidates are stale.
 */
public record EventEffects(
    List<Edge> addedEdges,
    List<Edge> removedEdges,
    List<Hidden> hides,
    List<Seen> seen,
    List<AdCharge> charges,
    Map<String, float[]> tasteMoves,
    List<String> staleCandidates) {

  /** {@code itemId} (a content or a campaign) never shows in {@code userId}'s feed again. */
  public record Hidden(String userId, String itemId) {}

  /** {@code impressions} more showings of a content to a user. */
  public record Seen(String userId, String itemId, int impressions, java.time.Instant lastSeen) {}

  /** {@code impressions} of a campaign to a user on {@code day}, costing {@code cost} in all. */
  public record AdCharge(
      String userId, String campaignId, LocalDate day, int impressions, double cost) {}

  public static EventEffects none() {
    return new EventEffects(
        List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
  }
}
