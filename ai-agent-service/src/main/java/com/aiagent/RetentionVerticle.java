package com.aiagent;

import com.aiagent.config.AppConfig;
import com.aiagent.store.MediaStore;
import com.aiagent.store.PostStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention of generated posts and pictures ({@code retention.*}) every {@code
 * trim_interval_ms}: one trim at a time, each a few bounded statements in PostgreSQL. Every
 * instance runs it; the deletes are idempotent, so instances trimming together remove each row
 * once.
 */
final class RetentionVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionVerticle.class);

  private final AppConfig.Retention retention;
  private final PostStore posts;
  private final MediaStore media;
  private final Clock clock;
  private boolean running;
  private boolean failing;

  RetentionVerticle(AppConfig.Retention retention, PostStore posts, MediaStore media, Clock clock) {
    this.retention = retention;
    this.posts = posts;
    this.media = media;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(retention.trimIntervalMs(), id -> trimOnce());
    return Future.succeededFuture();
  }

  /** One trim of both stores; answers the rows removed. Skipped while the last one still runs. */
  Future<Long> trimOnce() {
    if (running) {
      return Future.succeededFuture(0L);
    }
    running = true;
    return posts
        .trim(clock.instant())
        .compose(p -> media.trim(clock.instant()).map(m -> p + m))
        .onSuccess(
            removed -> {
              failing = false;
              if (removed > 0) {
                LOG.info("retention removed {} generated posts and pictures", removed);
              }
            })
        .onFailure(
            error -> {
              // One line per outage, not one per tick.
              if (!failing) {
                LOG.warn("retention trim failed, retrying each interval: {}", error.getMessage());
              }
              failing = true;
            })
        .eventually(
            () -> {
              running = false;
              return Future.succeededFuture();
            });
  }
}
