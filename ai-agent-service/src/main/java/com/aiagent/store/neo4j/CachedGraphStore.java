package com.aiagent.store.neo4j;

import com.aiagent.bus.OutageLog;
import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import com.aiagent.store.GraphSignals;
import com.aiagent.store.GraphStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph reads the feed needs ({@link #signals}) through Redis, as the original guide's
 * production runs "Neo4j + Redis": one key per user, kept {@code ttlMs}, deleted by every write of
 * that user's edges (on any instance, since the key is shared). What other users do reaches a
 * user's similar-users counts within the TTL. Redis down or slow: every read goes to the graph.
 */
public final class CachedGraphStore implements GraphStore {
  private static final Logger LOG = LoggerFactory.getLogger(CachedGraphStore.class);

  private final GraphStore graph;
  private final Redis redis;
  private final String prefix;
  private final long ttlMs;
  private final long commandTimeoutMs;
  private final OutageLog outages = new OutageLog(LOG, 10_000, System::currentTimeMillis);

  /** {@code prefix}: the deployment's Redis key prefix; the client is closed with the store. */
  public CachedGraphStore(
      GraphStore graph, Redis redis, String prefix, long ttlMs, long commandTimeoutMs) {
    this.graph = graph;
    this.redis = redis;
    this.prefix = prefix + "graph-signals:";
    this.ttlMs = ttlMs;
    this.commandTimeoutMs = commandTimeoutMs;
  }

  @Override
  public Future<GraphSignals> signals(String userId, GraphSignals.Bounds bounds) {
    String key = prefix + userId;
    String field = bounds(bounds).encode();
    return redis
        .send(Request.cmd(Command.HGET).arg(key).arg(field))
        .timeout(commandTimeoutMs, TimeUnit.MILLISECONDS)
        .map(r -> r == null ? null : decode(new JsonObject(r.toBuffer()), bounds))
        .otherwise(
            error -> {
              outages.warn("graph cache (Redis)", error);
              return null;
            })
        .compose(
            cached -> {
              if (cached != null) {
                return Future.succeededFuture(cached);
              }
              return graph
                  .signals(userId, bounds)
                  .onSuccess(
                      fresh ->
                          redis
                              .send(
                                  Request.cmd(Command.HSET)
                                      .arg(key)
                                      .arg(field)
                                      .arg(encode(fresh, bounds).toBuffer()))
                              .compose(
                                  r -> redis.send(Request.cmd(Command.PEXPIRE).arg(key).arg(ttlMs)))
                              .onFailure(e -> outages.warn("graph cache (Redis)", e)));
            });
  }

  @Override
  public Future<Void> addEdges(List<Edge> edges) {
    return graph.addEdges(edges).compose(v -> forget(edges));
  }

  @Override
  public Future<Void> removeEdges(List<Edge> edges) {
    return graph.removeEdges(edges).compose(v -> forget(edges));
  }

  /**
   * Deletes the cached signals of the users whose edges changed. A Redis that fails here is logged,
   * not passed on: the write is done, and the entry expires within the TTL.
   */
  private Future<Void> forget(List<Edge> edges) {
    Set<String> users = new LinkedHashSet<>();
    edges.forEach(e -> users.add(e.from()));
    if (users.isEmpty()) {
      return Future.succeededFuture();
    }
    Request del = Request.cmd(Command.DEL);
    users.forEach(u -> del.arg(prefix + u));
    return redis
        .send(del)
        .timeout(commandTimeoutMs, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .otherwise(
            error -> {
              outages.warn("graph cache (Redis)", error);
              return null;
            });
  }

  @Override
  public Future<List<String>> targets(String userId, EdgeType type) {
    return graph.targets(userId, type);
  }

  @Override
  public Future<Long> count() {
    return graph.count();
  }

  @Override
  public Future<Void> migrate() {
    return graph.migrate();
  }

  @Override
  public Future<Void> ping() {
    return graph.ping();
  }

  @Override
  public Future<Void> close() {
    redis.close();
    return graph.close();
  }

  private static JsonObject encode(GraphSignals signals, GraphSignals.Bounds bounds) {
    return new JsonObject()
        .put("bounds", bounds(bounds))
        .put("follows", new JsonArray(signals.follows()))
        .put("likes", new JsonArray(signals.recentLikes()))
        .put("peerLikes", new JsonObject(new HashMap<>(signals.peerLikes())));
  }

  /** The cached signals, or null when they were read with other bounds. */
  private static GraphSignals decode(JsonObject json, GraphSignals.Bounds bounds) {
    if (!bounds(bounds).equals(json.getJsonArray("bounds"))) {
      return null;
    }
    Map<String, Integer> peerLikes = new HashMap<>();
    json.getJsonObject("peerLikes")
        .forEach(e -> peerLikes.put(e.getKey(), ((Number) e.getValue()).intValue()));
    return new GraphSignals(
        strings(json.getJsonArray("follows")), strings(json.getJsonArray("likes")), peerLikes);
  }

  private static JsonArray bounds(GraphSignals.Bounds b) {
    return new JsonArray(
        List.of(b.follows(), b.recentLikes(), b.likersPerLike(), b.followedPeers(), b.peerLikes()));
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String.class::cast).toList();
  }
}
