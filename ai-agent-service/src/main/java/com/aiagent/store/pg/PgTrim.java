package com.aiagent.store.pg;

import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/**
 * Retention of one table of generated rows: statements of at most {@code retention.trim_batch} rows
 * each, repeated until a statement removes fewer, first by age, then by count.
 */
final class PgTrim {
  private final Pool pool;
  private final AppConfig.Retention retention;
  private final String olderThan;
  private final String beyondNewest;

  PgTrim(Pool pool, AppConfig.Retention retention, String olderThan, String beyondNewest) {
    this.pool = pool;
    this.retention = retention;
    this.olderThan = olderThan;
    this.beyondNewest = beyondNewest;
  }

  Future<Long> run(Instant now) {
    Future<Long> byAge =
        retention.maxAgeHours() == 0
            ? Future.succeededFuture(0L)
            : repeat(olderThan, PgRows.time(now.minusSeconds(retention.maxAgeHours() * 3600L)), 0);
    return byAge.compose(
        aged ->
            retention.maxGenerated() == 0
                ? Future.succeededFuture(aged)
                : repeat(beyondNewest, retention.maxGenerated(), aged));
  }

  private Future<Long> repeat(String sql, Object bound, long done) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(bound, retention.trimBatch()))
        .compose(
            rows -> {
              long total = done + rows.rowCount();
              return rows.rowCount() < retention.trimBatch()
                  ? Future.succeededFuture(total)
                  : repeat(sql, bound, total);
            });
  }
}
