package com.aiagent.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: an item's score is the sum over the ranked lists of {@code weight / (k +
 * rank)}, rank counted from 1. Ranks, not scores, because BM25 scores are unbounded and cosines of
 * different embedding models sit in different ranges: a weighted sum would need recalibrating for
 * every provider, RRF does not. Ties keep the order of first appearance.
 */
final class RankFusion {
  private RankFusion() {}

  /** An id with its fused score. */
  record Fused(String id, double score) {}

  /** The ids of all lists with their fused scores, best first. */
  static List<Fused> fuse(int k, List<List<String>> rankings, List<Double> weights) {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    int order = 0;
    for (int list = 0; list < rankings.size(); list++) {
      List<String> ranking = rankings.get(list);
      double weight = weights.get(list);
      for (int rank = 0; rank < ranking.size(); rank++) {
        String id = ranking.get(rank);
        scores.merge(id, weight / (k + rank + 1), Double::sum);
        if (!firstSeen.containsKey(id)) {
          firstSeen.put(id, order++);
        }
      }
    }
    List<String> ids = new ArrayList<>(scores.keySet());
    ids.sort(
        (a, b) -> {
          int byScore = Double.compare(scores.get(b), scores.get(a));
          return byScore != 0 ? byScore : Integer.compare(firstSeen.get(a), firstSeen.get(b));
        });
    return ids.stream().map(id -> new Fused(id, scores.get(id))).toList();
  }
}
