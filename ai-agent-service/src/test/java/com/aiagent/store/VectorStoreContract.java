package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link VectorStore} answers, on the seeded demo data: nearest neighbours by cosine,
 * best first, with their similarity; the category and live-window filters; reads of stored vectors;
 * counts; and a write that replaces a vector. Rows a test adds have ids of their own, so the tests
 * share one seeded store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class VectorStoreContract {
  private SeededStores seeded;
  private Stores stores;
  private VectorStore vectors;
  private int dimension;

  protected abstract SeededStores openStores() throws Exception;

  @BeforeAll
  final void open() throws Exception {
    seeded = openStores();
    stores = seeded.stores();
    vectors = stores.vectors();
    dimension = vectorOf(ItemType.PRODUCT, "prod_001").length;
  }

  @AfterAll
  final void close() throws Exception {
    seeded.close();
  }

  @Test
  void anItemIsItsOwnNearestNeighbourAndTheRestFollowBestFirst() throws Exception {
    float[] query = vectorOf(ItemType.PRODUCT, "prod_017");
    List<VectorMatch> found = await(vectors.search(VectorQuery.of(ItemType.PRODUCT, query, 8)));
    assertThat(found).hasSize(8);
    assertThat(found.get(0).id()).isEqualTo("prod_017");
    assertThat(found.get(0).similarity()).isCloseTo(1.0, within(1e-4));
    assertThat(found).allMatch(m -> m.type() == ItemType.PRODUCT);
    assertThat(found.stream().map(VectorMatch::similarity).toList())
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(found.stream().map(VectorMatch::id).distinct()).hasSize(8);
  }

  @Test
  void aSimilarityIsTheCosineOfTheTwoVectors() throws Exception {
    float[] query = vectorOf(ItemType.CONTENT, "content_003");
    List<VectorMatch> found = await(vectors.search(VectorQuery.of(ItemType.CONTENT, query, 5)));
    Map<String, float[]> stored =
        await(vectors.vectors(ItemType.CONTENT, found.stream().map(VectorMatch::id).toList()));
    for (VectorMatch match : found) {
      assertThat(match.similarity())
          .as(match.id())
          .isCloseTo(cosine(query, stored.get(match.id())), within(1e-4));
    }
  }

  @Test
  void aCategorySearchAnswersOnlyThatCategory() throws Exception {
    Map<String, String> categories =
        await(stores.catalog().productsAfter(null, 1000)).stream()
            .collect(Collectors.toMap(Product::id, Product::category));
    String category = categories.get("prod_042");
    List<VectorMatch> found =
        await(
            vectors.search(
                VectorQuery.of(ItemType.PRODUCT, vectorOf(ItemType.PRODUCT, "prod_001"), 50)
                    .inCategory(category)));
    long inCategory = categories.values().stream().filter(category::equals).count();
    assertThat(found).hasSize((int) Math.min(50, inCategory));
    assertThat(found).allMatch(m -> category.equals(categories.get(m.id())));
    assertThat(found).extracting(VectorMatch::id).contains("prod_042");
  }

  @Test
  void aLiveSearchLeavesOutCampaignsThatEndedHaveNotStartedOrAreOff() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Campaign base = await(stores.catalog().campaigns(List.of("camp_001"))).get(0);
    List<Campaign> added =
        List.of(
            campaign(
                base,
                "camp_contract_live",
                true,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1))),
            campaign(
                base,
                "camp_contract_ended",
                true,
                now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofHours(1))),
            campaign(
                base,
                "camp_contract_later",
                true,
                now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(3))),
            campaign(
                base,
                "camp_contract_off",
                false,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1))));
    await(stores.catalog().putCampaigns(added));
    float[] far = distinctVector(7);
    String model = storedModel();
    await(
        vectors.upsert(
            added.stream()
                .map(
                    c ->
                        new VectorEntry(
                            c.id(),
                            ItemType.CAMPAIGN,
                            c.category(),
                            c.active(),
                            c.startsAt(),
                            c.endsAt(),
                            far,
                            model))
                .toList()));
    Set<String> ids = added.stream().map(Campaign::id).collect(Collectors.toSet());

    List<VectorMatch> any = await(vectors.search(VectorQuery.of(ItemType.CAMPAIGN, far, 4)));
    assertThat(any).extracting(VectorMatch::id).containsExactlyInAnyOrderElementsOf(ids);

    List<VectorMatch> live =
        await(vectors.search(VectorQuery.of(ItemType.CAMPAIGN, far, 4).liveAt(now)));
    assertThat(live).extracting(VectorMatch::id).contains("camp_contract_live");
    assertThat(live)
        .extracting(VectorMatch::id)
        .doesNotContain("camp_contract_ended", "camp_contract_later", "camp_contract_off");
  }

  @Test
  void kBoundsTheAnswerAndZeroAsksForNothing() throws Exception {
    float[] query = vectorOf(ItemType.CAMPAIGN, "camp_010");
    assertThat(await(vectors.search(VectorQuery.of(ItemType.CAMPAIGN, query, 3)))).hasSize(3);
    assertThat(await(vectors.search(VectorQuery.of(ItemType.CAMPAIGN, query, 0)))).isEmpty();
  }

  @Test
  void storedVectorsAreReadByIdAndOtherTypesOrUnknownIdsAreLeftOut() throws Exception {
    Map<String, float[]> any =
        await(vectors.vectors(List.of("prod_001", "camp_002", "no_such_id")));
    assertThat(any).containsOnlyKeys("prod_001", "camp_002");
    assertThat(any.get("prod_001")).hasSize(dimension);
    assertThat(await(vectors.vectors(ItemType.CAMPAIGN, List.of("prod_001", "camp_002"))))
        .containsOnlyKeys("camp_002");
  }

  @Test
  void countsCountTheStoredVectorsOfAType() throws Exception {
    assertThat(await(vectors.count(ItemType.PRODUCT))).isEqualTo(100L);
    assertThat(await(vectors.count(ItemType.CONTENT))).isEqualTo(100L);
  }

  @Test
  void writingAVectorAgainReplacesIt() throws Exception {
    Product base = await(stores.catalog().products(List.of("prod_002"))).get(0);
    Product added =
        new Product(
            "prod_contract_moved",
            base.category(),
            base.nameKo(),
            base.nameEn(),
            base.price(),
            base.descriptionKo(),
            base.descriptionEn(),
            base.tags());
    await(stores.catalog().putProducts(List.of(added)));
    float[] first = distinctVector(11);
    float[] second = distinctVector(23);
    String model = storedModel();
    await(vectors.upsert(List.of(entry(added, first, model))));
    assertThat(topId(first)).isEqualTo("prod_contract_moved");
    await(vectors.upsert(List.of(entry(added, second, model))));
    assertThat(topId(second)).isEqualTo("prod_contract_moved");
    assertThat(
            await(vectors.search(VectorQuery.of(ItemType.PRODUCT, first, 3))).stream()
                .filter(m -> m.id().equals("prod_contract_moved"))
                .findFirst()
                .map(VectorMatch::similarity)
                .orElse(-1.0))
        .isLessThan(0.5);
  }

  private String topId(float[] query) throws Exception {
    return await(vectors.search(VectorQuery.of(ItemType.PRODUCT, query, 1))).get(0).id();
  }

  private static VectorEntry entry(Product product, float[] vector, String model) {
    return new VectorEntry(
        product.id(), ItemType.PRODUCT, product.category(), true, null, null, vector, model);
  }

  private String storedModel() throws Exception {
    return await(stores.admin().storedModels()).stream()
        .filter(m -> m.type() == ItemType.PRODUCT && m.model() != null)
        .findFirst()
        .orElseThrow()
        .model();
  }

  /** A vector far from the demo's: all weight on a few dimensions, signs alternating. */
  private float[] distinctVector(int seed) {
    float[] v = new float[dimension];
    for (int i = 0; i < 4; i++) {
      v[(seed * 31 + i * 97) % dimension] = i % 2 == 0 ? 1f : -1f;
    }
    return v;
  }

  private static Campaign campaign(
      Campaign model, String id, boolean active, Instant startsAt, Instant endsAt) {
    return new Campaign(
        id,
        model.productId(),
        model.category(),
        model.advertiser(),
        model.titleKo(),
        model.titleEn(),
        model.bodyKo(),
        model.bodyEn(),
        model.targetInterests(),
        model.bid(),
        active,
        startsAt,
        endsAt,
        model.dailyBudget(),
        model.frequencyCap());
  }

  private float[] vectorOf(ItemType type, String id) throws Exception {
    float[] v = await(vectors.vectors(type, List.of(id))).get(id);
    assertThat(v).as(id).isNotNull();
    return v;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
