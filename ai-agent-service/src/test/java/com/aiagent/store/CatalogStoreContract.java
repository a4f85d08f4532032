package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalogue reads the lexical index is built from, on every {@link CatalogStore}: whole-table
 * walks in id order, and a version that changes on every catalogue write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogStoreContract {
  private SeededStores seeded;
  private CatalogStore catalog;

  protected abstract SeededStores openStores() throws Exception;

  @BeforeAll
  final void open() throws Exception {
    seeded = openStores();
    catalog = seeded.stores().catalog();
  }

  @AfterAll
  final void close() throws Exception {
    seeded.close();
  }

  @Test
  void productsAfterWalksTheWholeCatalogueInIdOrderPageByPage() throws Exception {
    List<String> walked = new ArrayList<>();
    String after = null;
    while (true) {
      List<Product> page = await(catalog.productsAfter(after, 7));
      if (page.isEmpty()) {
        break;
      }
      page.forEach(p -> walked.add(p.id()));
      after = page.get(page.size() - 1).id();
    }
    assertThat(walked).hasSize(100).isSorted().doesNotHaveDuplicates();
    assertThat(walked.get(0)).isEqualTo("prod_001");
  }

  @Test
  void campaignsAndContentsAfterStartAfterTheGivenId() throws Exception {
    assertThat(await(catalog.campaignsAfter("camp_098", 10)))
        .extracting(Campaign::id)
        .containsExactly("camp_099", "camp_100");
    assertThat(await(catalog.contentsAfter(null, 2)))
        .extracting(Content::id)
        .containsExactly("content_001", "content_002");
  }

  @Test
  void theCatalogueVersionChangesOnAWriteAndOnlyThen() throws Exception {
    String before = await(catalog.catalogVersion());
    assertThat(await(catalog.catalogVersion())).isEqualTo(before);
    Product first = await(catalog.products(List.of("prod_001"))).get(0);
    await(
        catalog.putProducts(
            List.of(
                new Product(
                    first.id(),
                    first.category(),
                    first.nameKo(),
                    first.nameEn(),
                    first.price() + 1000,
                    first.descriptionKo(),
                    first.descriptionEn(),
                    first.tags()))));
    String after = await(catalog.catalogVersion());
    assertThat(after).isNotEqualTo(before);
    await(catalog.putProducts(List.of(first)));
    assertThat(await(catalog.catalogVersion())).isNotEqualTo(after);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
