package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.CommandsAccess;
import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code generate-embeddings --target vector-search}: a database seeded before Vector Search was
 * its index (or an index created empty later) gets every searched vector copied into the index,
 * with progress lines; without Vector Search configured the option is refused by name.
 */
@Tag("services")
class VectorIndexCopyTest {
  @Test
  void theCommandCopiesEverySearchedVectorIntoAnEmptyIndex() throws Exception {
    try (PgTestDatabase db = new PgTestDatabase();
        FakeVectorSearchServer index = new FakeVectorSearchServer(768)) {
      Vertx vertx = Vertx.vertx();
      try {
        TestApp seededOnPgvector = TestApp.create(db.env());
        await(seededOnPgvector.start(vertx));
        await(seededOnPgvector.stop());

        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(index.env());
        TestApp app = TestApp.create(env);
        Stores stores = await(com.aiagent.StoreWiring.open(vertx, app.config));
        try {
          assertThat(index.size()).isZero();
          List<String> progress = new CopyOnWriteArrayList<>();
          String result =
              await(
                  CommandsAccess.generateEmbeddingsIntoVectorSearch(
                      vertx, app.config, stores, progress::add));
          assertThat(result).contains("copied 300 vectors into projects/test-project");
          assertThat(index.size()).isEqualTo(300);
          assertThat(progress)
              .anyMatch(line -> line.startsWith("indexed product: 100/100 into projects/"))
              .anyMatch(line -> line.startsWith("indexed campaign: 100/100"))
              .anyMatch(line -> line.startsWith("indexed content: 100/100"));
          float[] query =
              await(stores.vectors().vectors(ItemType.CAMPAIGN, List.of("camp_033")))
                  .get("camp_033");
          int before = index.calls("findNeighbors");
          assertThat(await(stores.vectors().search(VectorQuery.of(ItemType.CAMPAIGN, query, 2))))
              .extracting(VectorMatch::id)
              .startsWith("camp_033");
          assertThat(index.calls("findNeighbors")).isEqualTo(before + 1);
          assertThat(index.errors()).isZero();
        } finally {
          await(stores.admin().close());
        }

        Stores plain = await(com.aiagent.StoreWiring.open(vertx, TestApp.create(db.env()).config));
        try {
          List<String> ignored = new ArrayList<>();
          assertThat(
                  CommandsAccess.generateEmbeddingsIntoVectorSearch(
                          vertx, TestApp.create(db.env()).config, plain, ignored::add)
                      .toCompletionStage()
                      .toCompletableFuture()
                      .handle((ok, error) -> error.getMessage())
                      .get(30, TimeUnit.SECONDS))
              .contains("--target vector-search needs Vertex AI Vector Search")
              .contains("VECTOR_DB=vertex_vector_search");
        } finally {
          await(plain.admin().close());
        }
      } finally {
        await(vertx.close());
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
