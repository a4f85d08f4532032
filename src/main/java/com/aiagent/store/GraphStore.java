package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * Follows, likes, views, purchases and clicks. The feed's bounded graph signals are the feed
 * store's ({@link FeedStore#build}), not walks over this interface.
 */
public interface GraphStore {
  Future<Void> addEdges(List<Edge> edges);

  /** Removes the edges that exist (an unlike, an unfollow); others are ignored. */
  Future<Void> removeEdges(List<Edge> edges);

  /** The ids a user points at with edges of {@code type}, oldest edge first. */
  Future<List<String>> targets(String userId, EdgeType type);

  Future<Long> count();
}
