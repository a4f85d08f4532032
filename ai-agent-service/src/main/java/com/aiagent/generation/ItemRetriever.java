package com.aiagent.generation;

import com.aiagent.embedding.EmbedResult;
import com.aiagent.generation.Retrieved.Match;
import com.aiagent.search.ItemSearch;
import com.aiagent.search.SearchHit;
import com.aiagent.search.SearchQuery;
import com.aiagent.store.Campaign;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what a post is grounded in: embeds the prompt (or, when that fails, stands in the user's
 * stored vector), then retrieves products and live campaigns through the search module (its words
 * by BM25 fused with its vector), preferring campaigns that promote a retrieved product. Items less
 * similar to the prompt than {@code minSimilarity} are left out; when no product is left, the
 * categories of the closest ones are passed on, so the post can say so and point there.
 */
final class ItemRetriever {
  private static final Logger LOG = LoggerFactory.getLogger(ItemRetriever.class);

  /** {@code providers.embedding} when the user's stored vector replaced the prompt's. */
  static final String PROFILE_FALLBACK = "user-profile-fallback";

  /** Campaigns fetched per one shown, so those promoting a retrieved product can be preferred. */
  private static final int CAMPAIGN_OVERFETCH = 4;

  /** How many closest categories a post with no relevant product suggests. */
  static final int CLOSEST_CATEGORIES = 3;

  /**
   * How many items of each kind, the model and dimension the stored vectors are of, and the cosine
   * below which an item does not count as relevant.
   */
  record Settings(int products, int campaigns, String model, int dimension, double minSimilarity) {}

  private final Settings settings;
  private final CatalogStore catalog;
  private final VectorStore vectors;
  private final ItemSearch search;
  private final PeerModules peers;

  ItemRetriever(
      Settings settings,
      CatalogStore catalog,
      VectorStore vectors,
      ItemSearch search,
      PeerModules peers) {
    this.settings = settings;
    this.catalog = catalog;
    this.vectors = vectors;
    this.search = search;
    this.peers = peers;
  }

  Future<Retrieved> retrieve(User user, String prompt, Instant now, long embedTimeoutMs) {
    return peers
        .embedQuery(prompt, embedTimeoutMs)
        .recover(error -> profileQuery(user, error))
        .compose(query -> search(user, prompt, query, now));
  }

  private Future<Retrieved> search(User user, String prompt, EmbedResult query, Instant now) {
    float[] vector = query.vectors().get(0);
    Future<List<SearchHit>> productHits =
        search.search(new SearchQuery(ItemType.PRODUCT, prompt, vector, settings.products(), null));
    Future<List<SearchHit>> campaignHits =
        settings.campaigns() == 0
            ? Future.succeededFuture(List.of())
            : search.search(
                new SearchQuery(
                    ItemType.CAMPAIGN,
                    prompt,
                    vector,
                    settings.campaigns() * CAMPAIGN_OVERFETCH,
                    now));
    return Future.all(productHits, campaignHits, catalog.categories())
        .compose(
            all -> {
              // The user's profile vector says nothing about this prompt: no threshold applies.
              double threshold =
                  PROFILE_FALLBACK.equals(query.provider()) ? -1 : settings.minSimilarity();
              Map<String, Double> products = relevant(productHits.result(), threshold);
              Map<String, Double> campaigns =
                  products.isEmpty() ? Map.of() : relevant(campaignHits.result(), threshold);
              Future<List<Product>> loadedProducts =
                  catalog.products(List.copyOf(products.keySet()));
              Future<List<Campaign>> loadedCampaigns =
                  catalog.campaigns(List.copyOf(campaigns.keySet()));
              Future<List<String>> closest =
                  products.isEmpty()
                      ? closestCategories(productHits.result())
                      : Future.succeededFuture(List.of());
              return Future.all(loadedProducts, loadedCampaigns, closest)
                  .map(
                      loaded ->
                          new Retrieved(
                              user,
                              query,
                              matched(loadedProducts.result(), products, Product::id),
                              pickCampaigns(
                                  matched(loadedCampaigns.result(), campaigns, Campaign::id),
                                  products.keySet()),
                              all.resultAt(2),
                              closest.result()));
            });
  }

  /** The hits at least as similar as the threshold, each once with its similarity, best first. */
  private static Map<String, Double> relevant(List<SearchHit> hits, double threshold) {
    Map<String, Double> kept = new LinkedHashMap<>();
    for (SearchHit hit : hits) {
      if (hit.similarity() >= threshold) {
        kept.merge(hit.id(), hit.similarity(), Math::max);
      }
    }
    return kept;
  }

  /** The categories of the closest products, best first, each once. */
  private Future<List<String>> closestCategories(List<SearchHit> hits) {
    return catalog
        .products(hits.stream().map(SearchHit::id).toList())
        .map(
            found ->
                found.stream()
                    .map(Product::category)
                    .distinct()
                    .limit(CLOSEST_CATEGORIES)
                    .toList());
  }

  /** The items that have a similarity, each once, in the order loaded. */
  static <T> List<Match<T>> matched(
      List<T> items, Map<String, Double> similarity, Function<T, String> id) {
    List<Match<T>> matches = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (T item : items) {
      Double score = similarity.get(id.apply(item));
      if (score != null && seen.add(id.apply(item))) {
        matches.add(new Match<>(item, score));
      }
    }
    return matches;
  }

  /** Campaigns for the retrieved products first, then the others in retrieval order. */
  private List<Match<Campaign>> pickCampaigns(
      List<Match<Campaign>> candidates, Set<String> productIds) {
    return candidates.stream()
        .sorted(
            Comparator.comparing((Match<Campaign> m) -> !productIds.contains(m.item().productId())))
        .limit(settings.campaigns())
        .toList();
  }

  /**
   * When the prompt cannot be embedded (the provider is down, or its breaker open), the user's own
   * stored vector stands in: it lives in the same vector space, where a local vector would not.
   */
  private Future<EmbedResult> profileQuery(User user, Throwable error) {
    LOG.warn(
        "prompt not embedded ({}); retrieving by {}'s profile vector",
        error.getMessage(),
        user.id());
    return vectors
        .vectors(List.of(user.id()))
        .compose(
            found ->
                found.containsKey(user.id())
                    ? Future.succeededFuture(
                        new EmbedResult(
                            PROFILE_FALLBACK,
                            settings.model(),
                            settings.dimension(),
                            List.of(found.get(user.id()))))
                    : Future.failedFuture(error));
  }
}
