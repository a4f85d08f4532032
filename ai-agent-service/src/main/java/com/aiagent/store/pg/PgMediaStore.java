package com.aiagent.store.pg;

import com.aiagent.config.AppConfig;
import com.aiagent.store.MediaStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;

/** Pictures in the {@code media} table, so every instance of the service serves every picture. */
public final class PgMediaStore implements MediaStore {
  private final Pool pool;
  private final String contentType;
  private final PgTrim trim;

  PgMediaStore(Pool pool, String contentType, AppConfig.Retention retention) {
    this.pool = pool;
    this.contentType = contentType;
    this.trim = new PgTrim(pool, retention, SqlQueries.TRIM_OLD_MEDIA, SqlQueries.TRIM_EXTRA_MEDIA);
  }

  @Override
  public Future<Void> open() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> save(String name, Buffer bytes) {
    return pool.preparedQuery(SqlQueries.INSERT_MEDIA)
        .execute(Tuple.of(name, contentType, bytes))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Buffer>> load(String name) {
    return pool.preparedQuery(SqlQueries.SELECT_MEDIA)
        .execute(Tuple.of(name))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getBuffer(0)));
  }

  @Override
  public Future<Boolean> writable() {
    return pool.query(SqlQueries.CHECK_MEDIA_TABLE).execute().map(rows -> true).otherwise(false);
  }

  @Override
  public Future<Long> trim(Instant now) {
    return trim.run(now);
  }

  @Override
  public String location() {
    return "postgresql table media";
  }
}
