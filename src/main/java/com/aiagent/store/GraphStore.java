package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** Follows, likes, views, purchases and clicks, and the queries the feed ranks with. */
public interface GraphStore {
  Future<Void> addEdges(List<Edge> edges);

  /** Removes the edges that exist (an unlike, an unfollow); others are ignored. */
  Future<Void> removeEdges(List<Edge> edges);

  /** The ids a user points at with edges of {@code type}, oldest edge first. */
  Future<List<String>> targets(String userId, EdgeType type);

  /**
   * Contents liked by users similar to {@code userId} (users it follows and users who liked the
   * same contents), with how many of them liked each; the user's own likes are left out.
   */
  Future<Map<String, Integer>> likedBySimilarUsers(String userId);

  Future<Long> count();
}
