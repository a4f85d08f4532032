package com.aiagent.seed;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a seed embedding batch while the embedding module is unavailable or slow (Vertex AI cold
 * at boot, an open breaker), waiting longer each time, so a slow start delays the seed instead of
 * failing the deployment. Anything else (a bad request, a dimension mismatch) fails at once.
 */
final class EmbedRetry {
  private static final Logger LOG = LoggerFactory.getLogger(EmbedRetry.class);

  private final Vertx vertx;
  private final AppConfig.Seed seed;

  EmbedRetry(Vertx vertx, AppConfig.Seed seed) {
    this.vertx = vertx;
    this.seed = seed;
  }

  /** The wait before try {@code attempt} (2 and later): doubling from the initial, capped. */
  static long delayMs(AppConfig.Seed seed, int attempt) {
    long delay = seed.embedRetryInitialMs();
    for (int i = 2; i < attempt && delay < seed.embedRetryMaxMs(); i++) {
      delay *= 2;
    }
    return Math.min(delay, seed.embedRetryMaxMs());
  }

  static boolean retried(Throwable error) {
    return error instanceof ServiceFailure failure
        && (failure.code() == ErrorCode.UNAVAILABLE || failure.code() == ErrorCode.TIMEOUT);
  }

  <T> Future<T> run(String what, Supplier<Future<T>> call) {
    return attempt(what, call, 1);
  }

  private <T> Future<T> attempt(String what, Supplier<Future<T>> call, int attempt) {
    return call.get()
        .recover(
            error -> {
              if (!retried(error) || attempt >= seed.embedAttempts()) {
                return Future.failedFuture(error);
              }
              long delay = delayMs(seed, attempt + 1);
              LOG.warn(
                  "seed: embedding {} failed ({}); try {} of {} in {} ms",
                  what,
                  error.getMessage(),
                  attempt + 1,
                  seed.embedAttempts(),
                  delay);
              return vertx.timer(delay).compose(v -> attempt(what, call, attempt + 1));
            });
  }
}
