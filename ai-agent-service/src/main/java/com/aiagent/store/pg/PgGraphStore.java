package com.aiagent.store.pg;

import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import com.aiagent.store.GraphSignals;
import com.aiagent.store.GraphStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The graph as one edge table. */
public final class PgGraphStore implements GraphStore {
  private final Pool pool;

  PgGraphStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> addEdges(List<Edge> edges) {
    if (edges.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(SqlQueries.INSERT_EDGE)
        .executeBatch(edges.stream().map(e -> Tuple.of(e.from(), e.type().name(), e.to())).toList())
        .mapEmpty();
  }

  @Override
  public Future<Void> removeEdges(List<Edge> edges) {
    if (edges.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(SqlQueries.DELETE_EDGE)
        .executeBatch(edges.stream().map(e -> Tuple.of(e.from(), e.type().name(), e.to())).toList())
        .mapEmpty();
  }

  @Override
  public Future<List<String>> targets(String userId, EdgeType type) {
    return pool.preparedQuery(SqlQueries.SELECT_TARGETS)
        .execute(Tuple.of(userId, type.name()))
        .map(rows -> PgRows.list(rows, r -> r.getString(0)));
  }

  @Override
  public Future<GraphSignals> signals(String userId, GraphSignals.Bounds bounds) {
    return pool.preparedQuery(SqlQueries.SELECT_SIGNALS)
        .execute(
            Tuple.of(
                userId,
                bounds.follows(),
                bounds.recentLikes(),
                bounds.likersPerLike(),
                bounds.followedPeers(),
                bounds.peerLikes()))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              String[] liked = r.getArrayOfStrings("liked");
              Integer[] counts = r.getArrayOfIntegers("counts");
              Map<String, Integer> peerLikes = new HashMap<>();
              for (int i = 0; i < liked.length; i++) {
                peerLikes.put(liked[i], counts[i]);
              }
              return new GraphSignals(
                  List.of(r.getArrayOfStrings("follows")),
                  List.of(r.getArrayOfStrings("likes")),
                  peerLikes);
            });
  }

  @Override
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  @Override
  public Future<Long> count() {
    return pool.query(SqlQueries.COUNT_EDGES).execute().map(PgRows::count);
  }
}
