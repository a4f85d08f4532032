package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How the Vector Search store behaves on the wire and when the index misbehaves: what a datapoint
 * carries, which failures are tried again, and that a failed, stalled or broken-off index leaves
 * searches to PostgreSQL, which holds the same vectors.
 */
@Tag("services")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorSearchStoreTest {
  private FakeVectorSearchServer index;
  private SeededStores seeded;
  private VectorStore vectors;

  @BeforeAll
  void open() throws Exception {
    index = new FakeVectorSearchServer(768);
    seeded =
        SeededStores.vectorSearch(
            index,
            Map.of(
                "VERTEX_VECTOR_SEARCH_TIMEOUT_MS", "400",
                "VERTEX_AI_RETRY_ATTEMPTS", "2",
                "VERTEX_AI_RETRY_INITIAL_DELAY_MS", "10",
                "VERTEX_AI_BREAKER_MAX_FAILURES", "3",
                "VERTEX_AI_BREAKER_RESET_MS", "1000"));
    vectors = seeded.stores().vectors();
  }

  @AfterAll
  void close() throws Exception {
    try {
      seeded.close();
    } finally {
      index.close();
    }
  }

  @Test
  void theSeedWritesEachItemWithItsTypeCategoryAndLiveWindowButNoUsers() throws Exception {
    Campaign campaign = await(seeded.stores().catalog().campaigns(List.of("camp_001"))).get(0);
    Map<String, List<String>> restricts = index.restrictsOf("campaign:camp_001");
    assertThat(restricts)
        .containsEntry("type", List.of("campaign"))
        .containsEntry("category", List.of(campaign.category()))
        .containsEntry("active", List.of(String.valueOf(campaign.active())));
    assertThat(index.restrictsOf("product:prod_001")).containsEntry("type", List.of("product"));
    assertThat(index.restrictsOf("user:user_001")).isNull();
    assertThat(index.size()).isEqualTo(300);
  }

  @Test
  void aRateLimitedCallIsTriedAgainAndAnsweredByTheIndex() throws Exception {
    waitForClosedBreaker();
    int before = index.calls("findNeighbors");
    int errors = index.errors();
    index.failNext(1, 429);
    assertThat(top("prod_020")).isEqualTo("prod_020");
    assertThat(index.calls("findNeighbors") - before).isEqualTo(2);
    assertThat(index.errors() - errors).isEqualTo(1);
  }

  @Test
  void anIndexThatKeepsFailingLeavesTheSearchToPostgresWithTheSameAnswer() throws Exception {
    waitForClosedBreaker();
    int before = index.calls("findNeighbors");
    long fallbacksBefore = fallbacks();
    index.failNext(2, 503);
    assertThat(top("prod_031")).isEqualTo("prod_031");
    assertThat(index.calls("findNeighbors") - before).isEqualTo(2);
    assertThat(fallbacks() - fallbacksBefore).isEqualTo(1L);
  }

  @Test
  void aRefusedQueryIsNotTriedAgain() throws Exception {
    waitForClosedBreaker();
    int before = index.calls("findNeighbors");
    index.failNext(1, 400);
    assertThat(top("prod_044")).isEqualTo("prod_044");
    assertThat(index.calls("findNeighbors") - before).isEqualTo(1);
  }

  @Test
  void aStalledIndexIsGivenUpOnWithinItsTimeout() throws Exception {
    waitForClosedBreaker();
    index.stallNext(2);
    long started = System.nanoTime();
    assertThat(top("prod_055")).isEqualTo("prod_055");
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    // Two attempts of 400 ms and a 10 ms pause, then PostgreSQL.
    assertThat(tookMs).isBetween(800L, 3_000L);
  }

  @Test
  void failuresOpenTheBreakerAndHealthSaysSoUntilTheIndexAnswersAgain() throws Exception {
    waitForClosedBreaker();
    index.failNext(6, 500);
    for (int i = 0; i < 3; i++) {
      assertThat(top("prod_066")).isEqualTo("prod_066");
    }
    assertThat(await(vectors.dependencies()))
        .containsEntry("vector_index", "vertex_vector_search")
        .containsEntry("vector_index_breaker", "OPEN");
    int before = index.calls("findNeighbors");
    assertThat(top("prod_067")).isEqualTo("prod_067");
    assertThat(index.calls("findNeighbors")).as("an open breaker does not call").isEqualTo(before);
    waitForClosedBreaker();
  }

  /**
   * Calls made from a thread outside Vert.x, one after another on a kept-alive connection: each is
   * answered by the index, none lost on its way back and left to the fallback (an answer whose body
   * was asked for too late never completes, and would only show as a fallback).
   */
  @Test
  void manyCallsFromOutsideVertxAreAllAnsweredByTheIndex() throws Exception {
    waitForClosedBreaker();
    long fallbacksBefore = fallbacks();
    int before = index.calls("findNeighbors");
    for (int i = 0; i < 300; i++) {
      String id = String.format("prod_%03d", 1 + i % 100);
      assertThat(top(id)).isEqualTo(id);
    }
    assertThat(index.calls("findNeighbors") - before).isEqualTo(300);
    assertThat(fallbacks() - fallbacksBefore).isZero();
  }

  /** The searches answered by pgvector so far, as health details show them. */
  private long fallbacks() throws Exception {
    return ((Number) await(vectors.dependencies()).get("vector_index_fallbacks")).longValue();
  }

  /**
   * A write the index refuses leaves PostgreSQL as it was, so running it again repairs both; and a
   * failing write does not open the queries' breaker.
   */
  @Test
  void aRefusedWriteChangesNothingAndLeavesTheQueriesBreakerClosed() throws Exception {
    waitForClosedBreaker();
    float[] before = await(vectors.vectors(ItemType.PRODUCT, List.of("prod_090"))).get("prod_090");
    float[] other = await(vectors.vectors(ItemType.PRODUCT, List.of("prod_091"))).get("prod_091");
    Product product = await(seeded.stores().catalog().products(List.of("prod_090"))).get(0);
    VectorEntry moved =
        new VectorEntry(
            "prod_090", ItemType.PRODUCT, product.category(), true, null, null, other, model());
    for (int i = 0; i < 4; i++) {
      index.failNext(2, 503);
      assertThatThrownBy(() -> await(vectors.upsert(List.of(moved))))
          .isInstanceOf(ExecutionException.class);
    }
    assertThat(await(vectors.vectors(ItemType.PRODUCT, List.of("prod_090"))).get("prod_090"))
        .isEqualTo(before);
    assertThat(await(vectors.dependencies())).containsEntry("vector_index_breaker", "CLOSED");
    await(vectors.upsert(List.of(moved)));
    assertThat(await(vectors.vectors(ItemType.PRODUCT, List.of("prod_090"))).get("prod_090"))
        .isEqualTo(other);
  }

  private String model() throws Exception {
    return await(seeded.stores().admin().storedModels()).stream()
        .filter(m -> m.type() == ItemType.PRODUCT && m.model() != null)
        .findFirst()
        .orElseThrow()
        .model();
  }

  @Test
  void anIndexBuiltForOtherVectorsStopsTheStartNamingWhatDiffers() throws Exception {
    try (FakeVectorSearchServer other = new FakeVectorSearchServer(768)) {
      other.describeAs(1536, "DOT_PRODUCT_DISTANCE", "STREAM_UPDATE");
      assertThat(startFails(other)).contains("1536 dimensions, the embeddings have 768");
      other.describeAs(768, "COSINE_DISTANCE", "STREAM_UPDATE");
      assertThat(startFails(other)).contains("measures COSINE_DISTANCE").contains("DOT_PRODUCT");
      other.describeAs(768, "DOT_PRODUCT_DISTANCE", "BATCH_UPDATE");
      assertThat(startFails(other)).contains("BATCH_UPDATE").contains("STREAM_UPDATE");
      other.describeAs(768, "DOT_PRODUCT_DISTANCE", "STREAM_UPDATE");
      assertThat(startFails(other)).isEqualTo("started");
      Map<String, String> unknown = new java.util.HashMap<>(other.env());
      unknown.put("VERTEX_VECTOR_SEARCH_INDEX", "9999");
      assertThat(startFails(unknown))
          .contains("cannot be used")
          .contains("404")
          .contains("VERTEX_VECTOR_SEARCH_INDEX");
    }
  }

  @Test
  void anIndexThatDoesNotAnswerAtStartIsLeftToTheFallback() throws Exception {
    try (FakeVectorSearchServer busy = new FakeVectorSearchServer(768);
        com.aiagent.PgTestDatabase db = new com.aiagent.PgTestDatabase()) {
      busy.failNext(1, 503);
      Map<String, String> env = new java.util.HashMap<>(busy.env());
      env.putAll(db.env());
      io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
      try {
        Stores stores =
            await(com.aiagent.StoreWiring.open(vertx, com.aiagent.TestApp.create(env).config));
        await(stores.admin().close());
        assertThat(busy.calls("getIndex")).isEqualTo(1);
      } finally {
        await(vertx.close());
      }
    }
  }

  private static String startFails(FakeVectorSearchServer index) throws Exception {
    return startFails(index.env());
  }

  /** The start's failure message, or "started". */
  private static String startFails(Map<String, String> indexEnv) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(indexEnv);
    try (com.aiagent.PgTestDatabase db = new com.aiagent.PgTestDatabase()) {
      env.putAll(db.env());
      io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
      try {
        return com.aiagent.StoreWiring.open(vertx, com.aiagent.TestApp.create(env).config)
            .compose(stores -> stores.admin().close())
            .toCompletionStage()
            .toCompletableFuture()
            .handle((ok, error) -> error == null ? "started" : error.getMessage())
            .get(30, TimeUnit.SECONDS);
      } finally {
        await(vertx.close());
      }
    }
  }

  @Test
  void aQueryOfAnotherDimensionIsABadRequestThatReachesNoIndex() throws Exception {
    int before = index.calls("findNeighbors");
    assertThatThrownBy(
            () -> await(vectors.search(VectorQuery.of(ItemType.PRODUCT, new float[3], 5))))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ServiceFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    assertThat(index.calls("findNeighbors")).isEqualTo(before);
  }

  /** A half-open breaker lets one call through; keep searching until it has closed again. */
  private void waitForClosedBreaker() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!"CLOSED".equals(await(vectors.dependencies()).get("vector_index_breaker"))) {
      assertThat(System.nanoTime()).as("breaker closes again").isLessThan(deadline);
      Thread.sleep(100);
      top("prod_001");
    }
  }

  private String top(String id) throws Exception {
    float[] query = await(vectors.vectors(ItemType.PRODUCT, List.of(id))).get(id);
    return await(vectors.search(VectorQuery.of(ItemType.PRODUCT, query, 3))).get(0).id();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
