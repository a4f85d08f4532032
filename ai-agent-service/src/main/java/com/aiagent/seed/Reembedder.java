package com.aiagent.seed;

import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.embedding.TaskType;
import com.aiagent.store.ItemType;
import com.aiagent.store.StoredModel;
import com.aiagent.store.Stores;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * Recomputes stored embeddings with the configured provider: every row whose vector is missing or
 * was made by another model, one batch of {@code embedding.batch_size} at a time. Each batch is
 * committed before the next, so a stopped run resumes where it stopped. {@code all} first flags
 * every row, to recompute vectors the current model already made.
 */
public final class Reembedder {
  private final AppConfig config;
  private final Stores stores;
  private final EmbeddingClient embedding;
  private final Consumer<String> progress;

  public Reembedder(
      AppConfig config, Stores stores, EmbeddingClient embedding, Consumer<String> progress) {
    this.config = config;
    this.stores = stores;
    this.embedding = embedding;
    this.progress = progress;
  }

  /** Re-embeds and answers how many rows it re-embedded. */
  public Future<Long> run(boolean all) {
    String model = config.embedding().activeModel();
    Future<Void> flagged = all ? stores.admin().flagAllForReembedding() : Future.succeededFuture();
    return flagged
        .compose(v -> stores.admin().storedModels())
        .compose(
            models -> {
              Future<Long> chain = Future.succeededFuture(0L);
              for (ItemType type : ItemType.values()) {
                long stale =
                    models.stream()
                        .filter(m -> m.type() == type && !model.equals(m.model()))
                        .mapToLong(StoredModel::rows)
                        .sum();
                if (stale > 0) {
                  chain = chain.compose(done -> reembed(type, stale, null, 0).map(n -> done + n));
                }
              }
              return chain;
            });
  }

  /** One batch after id {@code after}, then the next: each batch reads on from the last id. */
  private Future<Long> reembed(ItemType type, long total, String after, long done) {
    String model = config.embedding().activeModel();
    return stores
        .admin()
        .staleEmbeddings(type, model, after, config.embedding().batchSize())
        .compose(
            ids -> {
              if (ids.isEmpty()) {
                return Future.succeededFuture(done);
              }
              return rows(type, ids)
                  .compose(
                      rows ->
                          embedding
                              .embed(EmbeddingTexts.texts(rows), TaskType.RETRIEVAL_DOCUMENT)
                              .compose(
                                  result ->
                                      stores
                                          .vectors()
                                          .upsert(
                                              EmbeddingTexts.entries(
                                                  rows, result, config.embedding().dimension()))))
                  .compose(
                      v -> {
                        long now = done + ids.size();
                        progress.accept(
                            String.format(
                                "re-embedded %s: %d/%d with %s/%d",
                                type.name().toLowerCase(),
                                now,
                                total,
                                model,
                                config.embedding().dimension()));
                        return reembed(type, total, ids.get(ids.size() - 1), now);
                      });
            });
  }

  private Future<List<EmbeddingRow>> rows(ItemType type, List<String> ids) {
    return stores
        .catalog()
        .categories()
        .compose(
            categories -> {
              EmbeddingTexts texts = new EmbeddingTexts(categories);
              return switch (type) {
                case USER ->
                    stores.catalog().users(ids).map(l -> l.stream().map(texts::of).toList());
                case PRODUCT ->
                    stores.catalog().products(ids).map(l -> l.stream().map(texts::of).toList());
                case CAMPAIGN ->
                    stores.catalog().campaigns(ids).map(l -> l.stream().map(texts::of).toList());
                case CONTENT ->
                    stores.catalog().contents(ids).map(l -> l.stream().map(texts::of).toList());
              };
            });
  }
}
