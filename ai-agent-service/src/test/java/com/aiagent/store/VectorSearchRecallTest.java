package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.store.memory.MemoryVectorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole Vector Search path (entries to datapoints and restricts, queries to filters, answers
 * back to items and cosines) against the exact answers of the in-memory store holding the same
 * vectors: 90 queries between stored items, a third filtered by category and a third asking for
 * live campaigns only. The fake searches exactly, so anything short of full recall is this
 * service's encoding, not the index's approximation.
 */
@Tag("services")
class VectorSearchRecallTest {
  private static final int K = 10;

  @Test
  void topTenMatchesTheExactAnswerForPlainCategoryAndLiveQueries() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (FakeVectorSearchServer index = new FakeVectorSearchServer(768);
        SeededStores seeded = SeededStores.vectorSearch(index)) {
      Stores stores = seeded.stores();
      MemoryVectorStore exact = new MemoryVectorStore(vertx);
      List<Product> products = await(stores.catalog().productsAfter(null, 1000));
      List<Campaign> campaigns = await(stores.catalog().campaignsAfter(null, 1000));
      Map<String, float[]> productVectors =
          await(
              stores
                  .vectors()
                  .vectors(ItemType.PRODUCT, products.stream().map(Product::id).toList()));
      Map<String, float[]> campaignVectors =
          await(
              stores
                  .vectors()
                  .vectors(ItemType.CAMPAIGN, campaigns.stream().map(Campaign::id).toList()));
      List<VectorEntry> entries = new ArrayList<>();
      products.forEach(
          p ->
              entries.add(
                  new VectorEntry(
                      p.id(),
                      ItemType.PRODUCT,
                      p.category(),
                      true,
                      null,
                      null,
                      productVectors.get(p.id()),
                      "m")));
      campaigns.forEach(
          c ->
              entries.add(
                  new VectorEntry(
                      c.id(),
                      ItemType.CAMPAIGN,
                      c.category(),
                      c.active(),
                      c.startsAt(),
                      c.endsAt(),
                      campaignVectors.get(c.id()),
                      "m")));
      await(exact.upsert(entries));

      Random random = new Random(42);
      Instant now = Instant.now();
      int found = 0;
      int expected = 0;
      for (int i = 0; i < 90; i++) {
        boolean campaign = i % 3 == 2;
        List<String> ids =
            campaign
                ? campaigns.stream().map(Campaign::id).toList()
                : products.stream().map(Product::id).toList();
        Map<String, float[]> pool = campaign ? campaignVectors : productVectors;
        float[] a = pool.get(ids.get(random.nextInt(ids.size())));
        float[] b = pool.get(ids.get(random.nextInt(ids.size())));
        float[] query = new float[a.length];
        for (int d = 0; d < query.length; d++) {
          query[d] = a[d] + 0.5f * b[d] + 0.02f * (float) random.nextGaussian();
        }
        VectorQuery q = VectorQuery.of(campaign ? ItemType.CAMPAIGN : ItemType.PRODUCT, query, K);
        if (i % 3 == 1) {
          q = q.inCategory(products.get(random.nextInt(products.size())).category());
        } else if (campaign) {
          q = q.liveAt(now);
        }
        Set<String> truth = ids(await(exact.search(q)));
        Set<String> answered = ids(await(stores.vectors().search(q)));
        expected += truth.size();
        truth.retainAll(answered);
        found += truth.size();
      }
      assertThat(expected).isGreaterThan(600);
      assertThat((double) found / expected).as("recall@10 over 90 queries").isEqualTo(1.0);
      assertThat(index.errors()).isZero();
      assertThat(index.calls("findNeighbors")).isEqualTo(90);
    } finally {
      await(vertx.close());
    }
  }

  private static Set<String> ids(List<VectorMatch> matches) {
    Set<String> ids = new HashSet<>();
    matches.forEach(m -> ids.add(m.id()));
    return ids;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
