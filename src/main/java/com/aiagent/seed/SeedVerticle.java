package com.aiagent.seed;

import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbedResult;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.embedding.TaskType;
import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Content;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.Stores;
import com.aiagent.store.User;
import com.aiagent.store.VectorEntry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo data at deploy when the stores hold fewer than {@code seed.min_campaigns}
 * campaigns: rows first, then their embeddings, one batch of {@code embedding.batch_size} texts at
 * a time through the embedding module. Its start completes when seeding is done; the application
 * then undeploys it.
 */
public final class SeedVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SeedVerticle.class);

  private final AppConfig config;
  private final Stores stores;

  public SeedVerticle(AppConfig config, Stores stores) {
    this.config = config;
    this.stores = stores;
  }

  /** One item to embed: its vector entry minus the vector. */
  private record Pending(
      String id, ItemType type, String category, Campaign campaign, String text) {}

  @Override
  public Future<?> start() {
    if (!config.seed().enabled()) {
      LOG.info("seed disabled by configuration");
      return Future.succeededFuture();
    }
    return stores
        .catalog()
        .campaignCount()
        .compose(
            count -> {
              if (count >= config.seed().minCampaigns()) {
                LOG.info("seed skipped: {} campaigns already stored", count);
                return Future.succeededFuture();
              }
              return seed(DemoData.load());
            });
  }

  private Future<Void> seed(DemoData data) {
    long started = System.nanoTime();
    EmbeddingClient embedding = new EmbeddingClient(vertx, config.bus().embeddingTimeoutMs());
    List<Pending> pending = pending(data);
    Future<Void> chain =
        Future.all(
                stores.catalog().putCategories(data.categories()),
                stores.catalog().putUsers(data.users()),
                stores.catalog().putProducts(data.products()),
                stores.catalog().putContents(data.contents()),
                stores.graph().addEdges(data.edges()))
            .mapEmpty();
    int batchSize = config.embedding().batchSize();
    for (int from = 0; from < pending.size(); from += batchSize) {
      List<Pending> batch = pending.subList(from, Math.min(from + batchSize, pending.size()));
      chain =
          chain.compose(
              v ->
                  embedding
                      .embed(
                          batch.stream().map(Pending::text).toList(), TaskType.RETRIEVAL_DOCUMENT)
                      .compose(result -> stores.vectors().upsert(entries(batch, result))));
    }
    // Campaigns go in last: their count is what tells a later start that the seed is complete.
    return chain
        .compose(v -> stores.catalog().putCampaigns(data.campaigns()))
        .onSuccess(
            v ->
                LOG.info(
                    "seeded {} users, {} products, {} campaigns, {} contents, {} edges, {} embeddings in {} ms",
                    data.users().size(),
                    data.products().size(),
                    data.campaigns().size(),
                    data.contents().size(),
                    data.edges().size(),
                    pending.size(),
                    (System.nanoTime() - started) / 1_000_000));
  }

  /** Catalog rows are embedded with their category's names, so either language finds them. */
  private static List<Pending> pending(DemoData data) {
    Map<String, String> labels =
        data.categories().stream()
            .collect(Collectors.toMap(Category::key, c -> c.nameKo() + " " + c.nameEn()));
    List<Pending> pending = new ArrayList<>();
    for (User u : data.users()) {
      pending.add(new Pending(u.id(), ItemType.USER, null, null, u.profileText()));
    }
    for (Product p : data.products()) {
      pending.add(
          new Pending(
              p.id(),
              ItemType.PRODUCT,
              p.category(),
              null,
              labels.get(p.category()) + " " + p.embeddingText()));
    }
    for (Campaign c : data.campaigns()) {
      pending.add(
          new Pending(
              c.id(),
              ItemType.CAMPAIGN,
              c.category(),
              c,
              labels.get(c.category()) + " " + c.embeddingText()));
    }
    for (Content c : data.contents()) {
      pending.add(
          new Pending(
              c.id(),
              ItemType.CONTENT,
              c.category(),
              null,
              labels.get(c.category()) + " " + c.embeddingText()));
    }
    return pending;
  }

  private static List<VectorEntry> entries(List<Pending> batch, EmbedResult result) {
    List<VectorEntry> entries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      Campaign c = p.campaign();
      entries.add(
          new VectorEntry(
              p.id(),
              p.type(),
              p.category(),
              c == null || c.active(),
              c == null ? null : c.startsAt(),
              c == null ? null : c.endsAt(),
              result.vectors().get(i),
              result.model()));
    }
    return entries;
  }
}
