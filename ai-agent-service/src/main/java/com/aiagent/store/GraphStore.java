package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * Follows, likes, views, purchases and clicks. When the graph shares the catalog's database the
 * feed store reads its signals in the same statement ({@link FeedStore#build}); a graph of its own
 * (Neo4j) answers them with {@link #signals}.
 */
public interface GraphStore {
  /** Adds edges; one that exists already is left as it is (a retried batch changes nothing). */
  Future<Void> addEdges(List<Edge> edges);

  /** Removes the edges that exist (an unlike, an unfollow); others are ignored. */
  Future<Void> removeEdges(List<Edge> edges);

  /** The ids a user points at with edges of {@code type}, oldest edge first. */
  Future<List<String>> targets(String userId, EdgeType type);

  /** The user's bounded neighbourhood (the similar-users query); empty lists for a stranger. */
  Future<GraphSignals> signals(String userId, GraphSignals.Bounds bounds);

  Future<Long> count();

  /** Brings the graph's schema (indexes, constraints) up to date; a second call changes nothing. */
  default Future<Void> migrate() {
    return Future.succeededFuture();
  }

  /** Succeeds when the graph answers. */
  Future<Void> ping();

  /** Closes what the store holds apart from the other stores (a driver of its own). */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
