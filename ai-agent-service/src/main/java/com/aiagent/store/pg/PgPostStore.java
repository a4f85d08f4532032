package com.aiagent.store.pg;

import com.aiagent.config.AppConfig;
import com.aiagent.store.PostStore;
import com.aiagent.store.StoredPost;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Generated posts as jsonb documents keyed by their UUID. */
public final class PgPostStore implements PostStore {
  private final Pool pool;
  private final PgTrim trim;

  PgPostStore(Pool pool, AppConfig.Retention retention) {
    this.pool = pool;
    this.trim = new PgTrim(pool, retention, SqlQueries.TRIM_OLD_POSTS, SqlQueries.TRIM_EXTRA_POSTS);
  }

  @Override
  public Future<Void> save(StoredPost post) {
    return pool.preparedQuery(SqlQueries.INSERT_POST)
        .execute(
            Tuple.of(
                UUID.fromString(post.id()),
                post.userId(),
                PgRows.time(post.createdAt()),
                post.document(),
                post.published()))
        .mapEmpty();
  }

  @Override
  public Future<Set<String>> publishedAmong(List<String> ids) {
    List<UUID> uuids = new ArrayList<>(ids.size());
    for (String id : ids) {
      uuid(id).ifPresent(uuids::add);
    }
    if (uuids.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return pool.preparedQuery(SqlQueries.SELECT_PUBLISHED_AMONG)
        .execute(Tuple.of((Object) uuids.toArray(UUID[]::new)))
        .map(
            rows -> {
              Set<String> found = new LinkedHashSet<>();
              rows.forEach(r -> found.add(r.getUUID(0).toString()));
              return found;
            });
  }

  @Override
  public Future<Optional<StoredPost>> find(String id) {
    Optional<UUID> uuid = uuid(id);
    if (uuid.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(SqlQueries.SELECT_POST)
        .execute(Tuple.of(uuid.get()))
        .map(
            rows ->
                rows.size() == 0 ? Optional.empty() : Optional.of(post(rows.iterator().next())));
  }

  @Override
  public Future<Long> count() {
    return pool.query(SqlQueries.COUNT_POSTS).execute().map(PgRows::count);
  }

  @Override
  public Future<Long> trim(Instant now) {
    return trim.run(now);
  }

  /** A row of generated_posts (id, user_id, created_at, document and, if selected, published). */
  static StoredPost post(Row r) {
    Object document = r.getValue("document");
    return new StoredPost(
        r.getUUID("id").toString(),
        r.getString("user_id"),
        r.getOffsetDateTime("created_at").toInstant(),
        document instanceof JsonObject json ? json : new JsonObject(String.valueOf(document)),
        r.getColumnIndex("published") >= 0 && Boolean.TRUE.equals(r.getBoolean("published")));
  }

  /** The canonical lowercase form of a UUID, or empty for anything that is not one. */
  static Optional<UUID> uuid(String id) {
    try {
      return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
