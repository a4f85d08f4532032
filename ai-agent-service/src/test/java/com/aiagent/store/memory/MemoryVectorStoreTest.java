package com.aiagent.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.store.ItemType;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory vector store of the embedded default. */
class MemoryVectorStoreTest {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(1));

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private MemoryVectorStore vectors(int count, int dimension) throws Exception {
    MemoryVectorStore store = new MemoryVectorStore(vertx);
    List<VectorEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] v = new float[dimension];
      v[i % dimension] = 1;
      v[(i + 1) % dimension] = 0.5f;
      entries.add(
          new VectorEntry(
              String.format("prod_%05d", i), ItemType.PRODUCT, "c", true, null, null, v, "m"));
    }
    await(store.upsert(entries));
    return store;
  }

  @Test
  void aSearchScansOnAWorkerNotOnTheCallersEventLoop() throws Exception {
    MemoryVectorStore store = vectors(100, 8);
    // The only worker thread is busy: a search that scanned on the event loop would still answer.
    CountDownLatch release = new CountDownLatch(1);
    vertx.executeBlocking(() -> release.await(10, TimeUnit.SECONDS), false);
    CompletableFuture<Future<List<VectorMatch>>> called = new CompletableFuture<>();
    vertx.runOnContext(
        v -> called.complete(store.search(VectorQuery.of(ItemType.PRODUCT, new float[8], 5))));
    Future<List<VectorMatch>> search = called.get(5, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertThat(search.isComplete()).as("answered while no worker was free").isFalse();
    release.countDown();
    assertThat(await(search)).hasSize(5);
  }

  @Test
  void aQueryOfAnotherDimensionIsABadRequest() throws Exception {
    MemoryVectorStore store = vectors(10, 8);
    assertThatThrownBy(() -> await(store.search(VectorQuery.of(ItemType.PRODUCT, new float[4], 3))))
        .hasRootCauseInstanceOf(ServiceFailure.class)
        .hasMessageContaining("query has 4 dimensions, store has 8")
        .rootCause()
        .satisfies(e -> assertThat(((ServiceFailure) e).code()).isEqualTo(ErrorCode.BAD_REQUEST));
  }

  @Test
  void staleEmbeddingsArePagedByIdAfterTheLastOneSeen() throws Exception {
    MemoryVectorStore store = vectors(5, 8);
    MemoryStoreAdmin admin = new MemoryStoreAdmin(new MemoryCatalogStore(), store);
    assertThat(await(admin.staleEmbeddings(ItemType.PRODUCT, "other", null, 2)))
        .containsExactly("prod_00000", "prod_00001");
    assertThat(await(admin.staleEmbeddings(ItemType.PRODUCT, "other", "prod_00001", 2)))
        .containsExactly("prod_00002", "prod_00003");
    assertThat(await(admin.staleEmbeddings(ItemType.PRODUCT, "other", "prod_00003", 2)))
        .containsExactly("prod_00004");
  }
}
