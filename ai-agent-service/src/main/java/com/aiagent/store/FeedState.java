package com.aiagent.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything but text that one feed page is ranked from: the user's interests, their stored
 * candidates (null when none are stored), and the live state of those candidates: which the user
 * hid, how often each content was shown to them, and today's ad delivery (impressions of each
 * campaign to this user, and each campaign's spend). {@code graphMissing}: the candidates were
 * built without the graph's signals (a graph store of its own did not answer).
 */
public record FeedState(
    String userId,
    List<String> interests,
    FeedCandidates candidates,
    Set<String> hidden,
    Map<String, Integer> seen,
    Map<String, Integer> adImpressionsToday,
    Map<String, Double> spendToday,
    boolean graphMissing) {

  /** A state built with every signal. */
  public FeedState(
      String userId,
      List<String> interests,
      FeedCandidates candidates,
      Set<String> hidden,
      Map<String, Integer> seen,
      Map<String, Integer> adImpressionsToday,
      Map<String, Double> spendToday) {
    this(userId, interests, candidates, hidden, seen, adImpressionsToday, spendToday, false);
  }

  /** This state, marked as built without the graph's signals. */
  public FeedState withoutGraph() {
    return new FeedState(
        userId, interests, candidates, hidden, seen, adImpressionsToday, spendToday, true);
  }
}
