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
import java.util.Optional;
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
                post.document()))
        .mapEmpty();
  }

  @Override
  public Future<Optional<StoredPost>> find(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(SqlQueries.SELECT_POST)
        .execute(Tuple.of(uuid))
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

  private static StoredPost post(Row r) {
    Object document = r.getValue("document");
    return new StoredPost(
        r.getUUID("id").toString(),
        r.getString("user_id"),
        r.getOffsetDateTime("created_at").toInstant(),
        document instanceof JsonObject json ? json : new JsonObject(String.valueOf(document)));
  }
}
