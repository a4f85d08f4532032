package com.aiagent.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.PgTestDatabase;
import com.aiagent.StoreWiring;
import com.aiagent.TestApp;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL, as Cloud Run runs them: a product written through one is found
 * by its words on the other once that instance's next catalogue check has rebuilt its index.
 */
@Tag("services")
class TwoInstancesIndexTest {
  private final PgTestDatabase db = new PgTestDatabase();
  private final Vertx vertxA = Vertx.vertx();
  private final Vertx vertxB = Vertx.vertx();
  private TestApp a;
  private Stores storesB;
  private HybridSearch searchB;

  @AfterEach
  void close() throws Exception {
    if (searchB != null) {
      searchB.stop();
    }
    if (storesB != null) {
      TestApp.await(storesB.admin().close());
    }
    if (a != null) {
      TestApp.await(a.stop());
    }
    TestApp.await(vertxA.close());
    TestApp.await(vertxB.close());
    db.close();
  }

  @Test
  void aProductWrittenOnOneInstanceIsFoundByWordsOnTheOtherWithinAnInterval() throws Exception {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("SEARCH_REFRESH_INTERVAL_MS", "1000");
    a = TestApp.create(env);
    TestApp.await(a.start(vertxA));
    storesB = TestApp.await(StoreWiring.open(vertxB, a.config));
    searchB = new HybridSearch(vertxB, a.config.search(), storesB.catalog(), storesB.vectors());
    TestApp.await(searchB.start());
    assertThat(searchB.indexed()).isEqualTo(200);

    TestApp.await(
        a.stores
            .catalog()
            .putProducts(
                List.of(
                    new Product(
                        "prod_901",
                        "fashion",
                        "실크 파자마 세트",
                        "Silk Pajama Set",
                        89_000,
                        "잠옷",
                        "Sleepwear",
                        List.of("pajamas")))));

    long deadline = System.currentTimeMillis() + 15_000;
    List<String> found = List.of();
    while (System.currentTimeMillis() < deadline) {
      found = ids(searchB.inMode(SearchMode.LEXICAL), "silk pajama set");
      if (!found.isEmpty() && found.get(0).equals("prod_901")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(found).first().isEqualTo("prod_901");
    assertThat(searchB.indexed()).isEqualTo(201);
  }

  private static List<String> ids(ItemSearch search, String text) throws Exception {
    Future<List<SearchHit>> hits =
        search.search(new SearchQuery(ItemType.PRODUCT, text, null, 5, null));
    return TestApp.await(hits).stream().map(SearchHit::id).toList();
  }
}
