package com.aiagent.store.gcs;

import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention of the bucket's pictures, as for the other media stores: none older than {@code
 * retention.max_age_hours}, at most the newest {@code retention.max_generated}; a bucket lifecycle
 * rule can do the age part without listing. At most {@code retention.trim_batch} deletions per run,
 * one after the other; the next run goes on.
 */
final class GcsTrim {
  private static final int PAGE = 1000;

  private final GcsMediaStore store;
  private final AppConfig.Retention retention;

  GcsTrim(GcsMediaStore store, AppConfig.Retention retention) {
    this.store = store;
    this.retention = retention;
  }

  Future<Long> run(Instant now) {
    if (retention.maxAgeHours() == 0 && retention.maxGenerated() == 0) {
      return Future.succeededFuture(0L);
    }
    return store
        .list(PAGE)
        .compose(
            oldestFirst -> {
              Instant cutoff =
                  retention.maxAgeHours() == 0
                      ? Instant.MIN
                      : now.minusSeconds(retention.maxAgeHours() * 3600L);
              int extra =
                  retention.maxGenerated() == 0
                      ? 0
                      : Math.max(0, oldestFirst.size() - retention.maxGenerated());
              List<String> doomed = new ArrayList<>();
              for (int i = 0; i < oldestFirst.size(); i++) {
                GcsMediaStore.Listed object = oldestFirst.get(i);
                if (i < extra || object.created().isBefore(cutoff)) {
                  doomed.add(object.name());
                }
              }
              List<String> batch =
                  doomed.subList(0, Math.min(doomed.size(), retention.trimBatch()));
              Future<Long> chain = Future.succeededFuture(0L);
              for (String name : batch) {
                chain = chain.compose(n -> store.delete(name).map(v -> n + 1));
              }
              return chain;
            });
  }
}
