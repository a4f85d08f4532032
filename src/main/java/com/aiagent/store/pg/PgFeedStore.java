package com.aiagent.store.pg;

import com.aiagent.store.CandidateSpec;
import com.aiagent.store.FeedCandidates;
import com.aiagent.store.FeedState;
import com.aiagent.store.FeedStore;
import com.aiagent.store.ItemText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The feed's reads in PostgreSQL, each call one statement ({@link FeedSql}), on two pools of its
 * own: builds on one whose sessions search HNSW at the feed's {@code ef_search} (a feed needs far
 * less recall than generation's retrieval) with a plan per call, and the per-page key lookups
 * (state, texts) on one that may reuse generic plans.
 */
public final class PgFeedStore implements FeedStore {
  private static final String BUILD_AND_STORE = FeedSql.build(true);
  private static final String BUILD_ONLY = FeedSql.build(false);

  private final Pool pool;
  private final Pool reads;

  PgFeedStore(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
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

  @Override
  public Future<Void> dropCandidates(String userId) {
    return pool.preparedQuery(FeedSql.DROP_CANDIDATES).execute(Tuple.of(userId)).mapEmpty();
  }

  @Override
  public Future<Void> ping() {
    return Future.all(pool.query("SELECT 1").execute(), reads.query("SELECT 1").execute())
        .mapEmpty();
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  private static FeedState state(String userId, Row r) {
    OffsetDateTime builtAt = r.getOffsetDateTime("built_at");
    JsonObject document = (JsonObject) r.getJson("document");
    FeedCandidates candidates =
        builtAt == null || document == null ? null : candidates(builtAt.toInstant(), document);
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

  private static FeedCandidates candidates(Instant builtAt, JsonObject document) {
    List<FeedCandidates.ContentCandidate> contents = new ArrayList<>();
    for (Object o : document.getJsonArray("contents", new JsonArray())) {
      JsonArray c = (JsonArray) o;
      contents.add(
          new FeedCandidates.ContentCandidate(
              c.getString(0),
              c.getString(1),
              c.getString(2),
              c.getString(3),
              instant(c.getValue(4)),
              c.getDouble(5),
              c.getBoolean(6),
              c.getInteger(7),
              c.getDouble(8)));
    }
    List<FeedCandidates.AdCandidate> ads = new ArrayList<>();
    for (Object o : document.getJsonArray("ads", new JsonArray())) {
      JsonArray a = (JsonArray) o;
      ads.add(
          new FeedCandidates.AdCandidate(
              a.getString(0),
              a.getString(1),
              a.getString(2),
              a.getString(3),
              a.getDouble(4),
              instant(a.getValue(5)),
              instant(a.getValue(6)),
              a.getDouble(7),
              a.getInteger(8),
              a.getDouble(9)));
    }
    return new FeedCandidates(builtAt, List.copyOf(contents), List.copyOf(ads));
  }

  /** Epoch milliseconds; ISO-8601 in lists stored before the compact format. */
  private static Instant instant(Object value) {
    return value instanceof Number ms
        ? Instant.ofEpochMilli(ms.longValue())
        : OffsetDateTime.parse((String) value).toInstant();
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
