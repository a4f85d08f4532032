package com.aiagent.store.pg;

import com.aiagent.bus.OutageLog;
import com.aiagent.store.CandidateSpec;
import com.aiagent.store.FeedCandidates;
import com.aiagent.store.FeedState;
import com.aiagent.store.FeedStore;
import com.aiagent.store.FollowedPost;
import com.aiagent.store.FollowedPostsQuery;
import com.aiagent.store.GraphSignals;
import com.aiagent.store.GraphStore;
import com.aiagent.store.ItemText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's reads in PostgreSQL, each call one statement ({@link FeedSql}), on two pools of its
 * own: builds on one whose sessions search HNSW at the feed's {@code ef_search} (a feed needs far
 * less recall than generation's retrieval) with a plan per call, and the per-page key lookups
 * (state, texts) on one that may reuse generic plans.
 */
public final class PgFeedStore implements FeedStore {
  private static final String BUILD_AND_STORE = FeedSql.build(true);
  private static final String BUILD_ONLY = FeedSql.build(false);
  private static final String BUILD_WITH_SIGNALS_AND_STORE = FeedSql.build(true, true);
  private static final String BUILD_WITH_SIGNALS = FeedSql.build(false, true);
  private static final Logger LOG = LoggerFactory.getLogger(PgFeedStore.class);

  private final Pool pool;
  private final Pool reads;
  private final SeparateGraph graph;
  private final OutageLog outages = new OutageLog(LOG, 10_000, System::currentTimeMillis);

  /**
   * A graph kept in another database (Neo4j): its signals are asked for with a bound of their own
   * wait, its health within {@code probeTimeoutMs} (inside the health check's own timeout), and
   * candidate authors are checked against the user's newest {@code followsChecked} follows.
   */
  record SeparateGraph(
      GraphStore store, String kind, long timeoutMs, long probeTimeoutMs, int followsChecked) {}

  /** {@code graph} null: the graph is the edge table beside the catalog, read in the build. */
  PgFeedStore(Pool pool, Pool reads, SeparateGraph graph) {
    this.pool = pool;
    this.reads = reads;
    this.graph = graph;
  }

  @Override
  public Future<Optional<FeedState>> state(String userId, LocalDate day) {
    return reads
        .preparedQuery(FeedSql.STATE)
        .execute(Tuple.of(userId, day))
        .map(rows -> first(rows).map(r -> state(userId, r)));
  }

  @Override
  public Future<Optional<FeedState>> build(String userId, CandidateSpec spec) {
    return graph == null ? buildInOne(userId, spec) : buildWithSignals(userId, spec);
  }

  /**
   * Asks the graph for the user's signals, then builds with them. A graph that fails or is slow
   * leaves them out: the feed still answers from the vectors, and that build is not stored, so the
   * next page builds again and gets the signals once the graph is back.
   */
  private Future<Optional<FeedState>> buildWithSignals(String userId, CandidateSpec spec) {
    return graph
        .store()
        .signals(userId, GraphSignals.Bounds.of(spec, graph.followsChecked()))
        .timeout(graph.timeoutMs(), TimeUnit.MILLISECONDS)
        .map(Optional::of)
        .otherwise(
            error -> {
              outages.warn("graph store (" + graph.kind() + ")", error);
              return Optional.empty();
            })
        .compose(
            found -> {
              GraphSignals signals = found.orElse(GraphSignals.none());
              List<String> liked = List.copyOf(signals.peerLikes().keySet());
              Tuple params =
                  Tuple.tuple(
                      List.of(
                          userId,
                          PgRows.time(spec.asOf()),
                          spec.contentPool(),
                          spec.adPool(),
                          PgRows.array(signals.follows()),
                          PgRows.array(signals.recentLikes()),
                          PgRows.array(liked),
                          liked.stream().map(signals.peerLikes()::get).toArray(Integer[]::new),
                          spec.day()));
              boolean store = spec.store() && found.isPresent();
              return pool.preparedQuery(store ? BUILD_WITH_SIGNALS_AND_STORE : BUILD_WITH_SIGNALS)
                  .execute(params)
                  .map(
                      rows ->
                          first(rows)
                              .map(r -> state(userId, r))
                              .map(s -> found.isPresent() ? s : s.withoutGraph()));
            });
  }

  private Future<Optional<FeedState>> buildInOne(String userId, CandidateSpec spec) {
    Tuple params =
        Tuple.tuple(
            List.of(
                userId,
                PgRows.time(spec.asOf()),
                spec.contentPool(),
                spec.adPool(),
                spec.recentLikes(),
                spec.likersPerLike(),
                spec.followedPeers(),
                spec.peerLikes(),
                spec.day()));
    return pool.preparedQuery(spec.store() ? BUILD_AND_STORE : BUILD_ONLY)
        .execute(params)
        .map(rows -> first(rows).map(r -> state(userId, r)));
  }

  @Override
  public Future<Map<String, ItemText>> texts(String userId, List<String> ids) {
    return reads
        .preparedQuery(FeedSql.TEXTS)
        .execute(Tuple.of(userId, (Object) PgRows.array(ids)))
        .map(
            rows -> {
              Map<String, ItemText> texts = new HashMap<>();
              rows.forEach(
                  r ->
                      texts.put(
                          r.getString(0),
                          new ItemText(
                              r.getString(1), r.getString(2), r.getString(3), r.getString(4))));
              return texts;
            });
  }

  /**
   * With the graph elsewhere, the newest follows come from it first (bounded by its wait); a graph
   * that fails leaves the page without followed posts, as it leaves builds without signals.
   */
  @Override
  public Future<List<FollowedPost>> followedPosts(String userId, FollowedPostsQuery query) {
    if (graph == null) {
      return followedPosts(userId, query, FeedSql.FOLLOWED_POSTS, query.maxAuthors());
    }
    return graph
        .store()
        .signals(userId, new GraphSignals.Bounds(query.maxAuthors(), 0, 0, 0, 0))
        .timeout(graph.timeoutMs(), TimeUnit.MILLISECONDS)
        .map(GraphSignals::follows)
        .otherwise(
            error -> {
              outages.warn("graph store (" + graph.kind() + ")", error);
              return List.of();
            })
        .compose(
            authors ->
                authors.isEmpty()
                    ? Future.succeededFuture(List.of())
                    : followedPosts(
                        userId, query, FeedSql.FOLLOWED_POSTS_OF, PgRows.array(authors)));
  }

  private Future<List<FollowedPost>> followedPosts(
      String userId, FollowedPostsQuery query, String sql, Object authors) {
    Tuple params =
        Tuple.tuple(
            java.util.Arrays.asList(
                userId,
                authors,
                PgRows.time(query.since()),
                PgRows.time(query.upTo()),
                query.afterId() == null ? null : PgPostStore.uuid(query.afterId()).orElse(null),
                query.limit()));
    return reads
        .preparedQuery(sql)
        .execute(params)
        .map(
            rows -> {
              List<FollowedPost> posts = new ArrayList<>(rows.size());
              for (Row r : rows) {
                Double similarity = r.getDouble("similarity");
                Integer seen = r.getInteger("seen");
                posts.add(
                    FollowedPost.of(
                        PgPostStore.post(r),
                        similarity == null ? 0 : similarity,
                        seen == null ? 0 : seen));
              }
              return List.copyOf(posts);
            });
  }

  @Override
  public Future<Void> dropCandidates(String userId) {
    return pool.preparedQuery(FeedSql.DROP_CANDIDATES).execute(Tuple.of(userId)).mapEmpty();
  }

  @Override
  public Future<Void> ping() {
    return Future.all(pool.query("SELECT 1").execute(), reads.query("SELECT 1").execute())
        .mapEmpty();
  }

  @Override
  public Future<Map<String, Object>> dependencies() {
    if (graph == null) {
      return Future.succeededFuture(Map.of());
    }
    return graph
        .store()
        .ping()
        .timeout(graph.probeTimeoutMs(), TimeUnit.MILLISECONDS)
        .map(v -> "UP")
        .otherwise(
            error ->
                "DOWN: feeds are built without graph signals ("
                    + error.getClass().getSimpleName()
                    + ")")
        .map(status -> Map.<String, Object>of("graph_store", graph.kind(), "graph", status));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  private static FeedState state(String userId, Row r) {
    OffsetDateTime builtAt = r.getOffsetDateTime("built_at");
    String document = r.getString("document");
    FeedCandidates candidates =
        builtAt == null || document == null
            ? null
            : CandidatesDocument.read(builtAt.toInstant(), document);
    String[] hidden = r.getArrayOfStrings("hidden");
    return new FeedState(
        userId,
        PgRows.strings(r, "interests"),
        candidates,
        hidden == null ? Set.of() : Set.of(hidden),
        counts((JsonObject) r.getJson("seen")),
        counts((JsonObject) r.getJson("frequency")),
        amounts((JsonObject) r.getJson("spend")));
  }

  private static Map<String, Integer> counts(JsonObject json) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).intValue()));
    }
    return counts;
  }

  private static Map<String, Double> amounts(JsonObject json) {
    Map<String, Double> amounts = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(e -> amounts.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    }
    return amounts;
  }
}
