package com.aiagent.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbedResult;
import com.aiagent.store.ItemType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the seed pairs vectors with rows and retries a slow embedding module. */
class SeedEmbeddingTest {
  private static final AppConfig.Seed SEED =
      new AppConfig.Seed(true, 10, 1, 120_000, 250, 4, 10, 25);

  @Test
  void vectorsOfAnotherDimensionAreABadRequestNamingBothSizes() {
    List<EmbeddingRow> rows =
        List.of(new EmbeddingRow("prod_001", ItemType.PRODUCT, "fashion", null, "셔츠"));
    EmbedResult result = new EmbedResult("vertex", "m", 3072, List.of(new float[3072]));
    assertThatThrownBy(() -> EmbeddingTexts.entries(rows, result, 768))
        .isInstanceOfSatisfying(
            ServiceFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessageContaining("3072")
        .hasMessageContaining("768");
  }

  @Test
  void waitsDoubleUpToTheCap() {
    assertThat(List.of(2, 3, 4, 5).stream().map(a -> EmbedRetry.delayMs(SEED, a)))
        .containsExactly(10L, 20L, 25L, 25L);
  }

  @Test
  void unavailableAndTimeoutAreRetriedOthersFailAtOnce() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      EmbedRetry retry = new EmbedRetry(vertx, SEED);
      AtomicInteger calls = new AtomicInteger();
      String answer =
          retry
              .run(
                  "rows",
                  () ->
                      calls.incrementAndGet() < 4
                          ? Future.<String>failedFuture(
                              new ServiceFailure(
                                  calls.get() % 2 == 0 ? ErrorCode.TIMEOUT : ErrorCode.UNAVAILABLE,
                                  "slow"))
                          : Future.succeededFuture("ok"))
              .toCompletionStage()
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      assertThat(answer).isEqualTo("ok");
      assertThat(calls).hasValue(4);

      AtomicInteger bad = new AtomicInteger();
      Throwable failure =
          retry
              .run(
                  "rows",
                  () -> {
                    bad.incrementAndGet();
                    return Future.<String>failedFuture(ServiceFailure.badRequest("dimension"));
                  })
              .toCompletionStage()
              .toCompletableFuture()
              .handle((ok, error) -> error)
              .get(5, TimeUnit.SECONDS);
      assertThat(failure).hasMessage("dimension");
      assertThat(bad).hasValue(1);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }
}
