package com.aiagent.generation;

import com.aiagent.embedding.EmbedResult;
import com.aiagent.generation.Retrieved.Match;
import com.aiagent.store.Campaign;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
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
 * stored vector), then the closest products and live campaigns, preferring campaigns that promote a
 * retrieved product. Each item appears once, with the best similarity any hit gave it; an item
 * without a hit is not retrieved.
 */
final class ItemRetriever {
  private static final Logger LOG = LoggerFactory.getLogger(ItemRetriever.class);

  /** {@code providers.embedding} when the user's stored vector replaced the prompt's. */
  static final String PROFILE_FALLBACK = "user-profile-fallback";

  /** Campaigns fetched per one shown, so those promoting a retrieved product can be preferred. */
  private static final int CAMPAIGN_OVERFETCH = 4;

  /** How many items of each kind, and the model and dimension the stored vectors are of. */
  record Settings(int products, int campaigns, String model, int dimension) {}

  private final Settings settings;
  private final CatalogStore catalog;
  private final VectorStore vectors;
  private final PeerModules peers;

  ItemRetriever(Settings settings, CatalogStore catalog, VectorStore vectors, PeerModules peers) {
    this.settings = settings;
    this.catalog = catalog;
    this.vectors = vectors;
    this.peers = peers;
  }

  Future<Retrieved> retrieve(User user, String prompt, Instant now, long embedTimeoutMs) {
    return peers
        .embedQuery(prompt, embedTimeoutMs)
        .recover(error -> profileQuery(user, error))
        .compose(query -> search(user, query, now));
  }

  private Future<Retrieved> search(User user, EmbedResult query, Instant now) {
    float[] vector = query.vectors().get(0);
    Future<List<VectorMatch>> productHits =
        vectors.search(VectorQuery.of(ItemType.PRODUCT, vector, settings.products()));
    Future<List<VectorMatch>> campaignHits =
        settings.campaigns() == 0
            ? Future.succeededFuture(List.of())
            : vectors.search(
                VectorQuery.of(ItemType.CAMPAIGN, vector, settings.campaigns() * CAMPAIGN_OVERFETCH)
                    .liveAt(now));
    return Future.all(productHits, campaignHits, catalog.categories())
        .compose(
            all -> {
              Map<String, Double> products = bestSimilarity(productHits.result());
              Map<String, Double> campaigns = bestSimilarity(campaignHits.result());
              Future<List<Product>> loadedProducts =
                  catalog.products(List.copyOf(products.keySet()));
              Future<List<Campaign>> loadedCampaigns =
                  catalog.campaigns(List.copyOf(campaigns.keySet()));
              return Future.all(loadedProducts, loadedCampaigns)
                  .map(
                      loaded ->
                          new Retrieved(
                              user,
                              query,
                              matched(loadedProducts.result(), products, Product::id),
                              pickCampaigns(
                                  matched(loadedCampaigns.result(), campaigns, Campaign::id),
                                  products.keySet()),
                              all.resultAt(2)));
            });
  }

  /** Each hit id once, with its best similarity, in the order first seen. */
  static Map<String, Double> bestSimilarity(List<VectorMatch> hits) {
    Map<String, Double> best = new LinkedHashMap<>();
    for (VectorMatch hit : hits) {
      best.merge(hit.id(), hit.similarity(), Math::max);
    }
    return best;
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

  /** Campaigns for the retrieved products first, then the closest others, up to the limit. */
  private List<Match<Campaign>> pickCampaigns(
      List<Match<Campaign>> candidates, Set<String> productIds) {
    return candidates.stream()
        .sorted(
            Comparator.comparing((Match<Campaign> m) -> !productIds.contains(m.item().productId()))
                .thenComparing(Match::similarity, Comparator.reverseOrder()))
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
