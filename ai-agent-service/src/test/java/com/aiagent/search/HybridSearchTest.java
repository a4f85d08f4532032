package com.aiagent.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.Category;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.memory.MemoryCatalogStore;
import com.aiagent.store.memory.MemoryVectorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hybrid search over real in-memory stores, with hand-made 3-dimensional vectors so the vector
 * ranking is known: fusion, similarity for lexical-only hits, and the rebuild after a write.
 */
class HybridSearchTest {
  private static final AppConfig.Search SETTINGS = ConfigLoader.load(Map.of()).search();

  private Vertx vertx;
  private MemoryCatalogStore catalog;
  private MemoryVectorStore vectors;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    catalog = new MemoryCatalogStore();
    vectors = new MemoryVectorStore(vertx);
    await(catalog.putCategories(List.of(new Category("fashion", "패션", "Fashion", "#000000"))));
    await(
        catalog.putProducts(
            List.of(
                product("prod_001", "울 코트", "Wool Coat"),
                product("prod_002", "캐시미어 니트", "Cashmere Knit"),
                product("prod_003", "레더 첼시 부츠", "Leather Chelsea Boots"))));
    await(
        vectors.upsert(
            List.of(
                vector("prod_001", 1, 0, 0),
                vector("prod_002", 0.9f, 0.1f, 0),
                vector("prod_003", 0, 0, 1))));
  }

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private static Product product(String id, String ko, String en) {
    return new Product(id, "fashion", ko, en, 10_000, ko, en, List.of());
  }

  private static VectorEntry vector(String id, float... values) {
    return new VectorEntry(id, ItemType.PRODUCT, "fashion", true, null, null, values, "m");
  }

  private List<SearchHit> search(HybridSearch search, String text) throws Exception {
    return await(
        search.search(new SearchQuery(ItemType.PRODUCT, text, new float[] {1, 0, 0}, 3, null)));
  }

  @Test
  void theWordsOfThePromptLiftAnItemTheVectorRanksLast() throws Exception {
    HybridSearch search = new HybridSearch(vertx, SETTINGS, catalog, vectors);
    await(search.refresh());
    assertThat(search.inMode(SearchMode.VECTOR).indexed()).isEqualTo(3);
    assertThat(search(search.inMode(SearchMode.VECTOR), "chelsea boots"))
        .extracting(SearchHit::id)
        .containsExactly("prod_001", "prod_002", "prod_003");
    List<SearchHit> lexical = search(search.inMode(SearchMode.LEXICAL), "chelsea boots");
    // The words name the boots; the others follow only through the category the concept votes for.
    assertThat(lexical).extracting(SearchHit::id).first().isEqualTo("prod_003");
    assertThat(lexical.get(0).lexicalScore()).isGreaterThan(lexical.get(1).lexicalScore() * 3);
    // Only the words found it, yet its cosine to the prompt's vector is reported (orthogonal: 0).
    assertThat(lexical.get(0).similarity()).isEqualTo(0.0);
    assertThat(lexical.get(0).lexicalScore()).isPositive();
    List<SearchHit> hybrid = search(search, "chelsea boots");
    assertThat(hybrid)
        .extracting(SearchHit::id)
        .containsExactlyInAnyOrder("prod_001", "prod_002", "prod_003");
    assertThat(hybrid.get(0).id()).isEqualTo("prod_001");
    assertThat(hybrid.get(1).id())
        .as("vector 3rd + lexical 1st beats vector 2nd alone")
        .isEqualTo("prod_003");
  }

  @Test
  void beforeTheFirstBuildTheSearchIsByVectorAlone() throws Exception {
    HybridSearch search = new HybridSearch(vertx, SETTINGS, catalog, vectors);
    assertThat(search(search, "chelsea boots"))
        .extracting(SearchHit::id)
        .containsExactly("prod_001", "prod_002", "prod_003");
  }

  @Test
  void aCatalogueWriteIsSearchableAfterTheNextRefresh() throws Exception {
    HybridSearch search = new HybridSearch(vertx, SETTINGS, catalog, vectors);
    await(search.refresh());
    await(catalog.putProducts(List.of(product("prod_004", "실크 스카프", "Silk Scarf"))));
    // Written but not yet indexed: the index still holds the catalogue it was built from.
    assertThat(search(search.inMode(SearchMode.LEXICAL), "silk scarf"))
        .extracting(SearchHit::id)
        .doesNotContain("prod_004");
    await(search.refresh());
    assertThat(search.indexed()).isEqualTo(4);
    assertThat(search(search.inMode(SearchMode.LEXICAL), "silk scarf"))
        .extracting(SearchHit::id)
        .first()
        .isEqualTo("prod_004");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
