package com.aiagent.seed;

import com.aiagent.config.AppConfig;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.ItemType;
import com.aiagent.store.Stores;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorIndexFeed;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies the vectors the stores hold into a separate search index ({@code generate-embeddings
 * --target vector-search}): products, campaigns and contents, a page of {@code
 * vector_search.upsert_batch_size} rows at a time in id order, each with its category and live
 * window, so the index answers what the rows say. Rows without a vector are skipped; writing a
 * datapoint again replaces it, so a stopped copy is simply run again.
 */
public final class VectorIndexCopy {
  private static final List<ItemType> INDEXED =
      List.of(ItemType.PRODUCT, ItemType.CAMPAIGN, ItemType.CONTENT);

  private final AppConfig config;
  private final Stores stores;
  private final VectorIndexFeed index;
  private final Consumer<String> progress;
  private long typeStartedNanos;

  public VectorIndexCopy(
      AppConfig config, Stores stores, VectorIndexFeed index, Consumer<String> progress) {
    this.config = config;
    this.stores = stores;
    this.index = index;
    this.progress = progress;
  }

  /** Copies every indexed type and answers how many datapoints it wrote. */
  public Future<Long> run() {
    return stores
        .catalog()
        .categories()
        .compose(
            categories -> {
              EmbeddingTexts texts = new EmbeddingTexts(categories);
              Future<Long> chain = Future.succeededFuture(0L);
              for (ItemType type : INDEXED) {
                chain =
                    chain.compose(
                        done ->
                            stores
                                .vectors()
                                .count(type)
                                .compose(
                                    total -> {
                                      typeStartedNanos = System.nanoTime();
                                      return copy(texts, type, total, null, 0);
                                    })
                                .map(n -> done + n));
              }
              return chain;
            });
  }

  private Future<Long> copy(
      EmbeddingTexts texts, ItemType type, long total, String after, long done) {
    int batch = config.vectorSearch().upsertBatchSize();
    return page(texts, type, after, batch)
        .compose(
            rows -> {
              if (rows.isEmpty()) {
                return Future.succeededFuture(done);
              }
              String last = rows.get(rows.size() - 1).id();
              return entries(type, rows)
                  .compose(
                      entries ->
                          index
                              .feed(entries)
                              .compose(
                                  written -> {
                                    long now = done + written;
                                    report(type, now, total);
                                    return rows.size() < batch
                                        ? Future.succeededFuture(now)
                                        : copy(texts, type, total, last, now);
                                  }));
            });
  }

  private Future<List<EmbeddingRow>> page(
      EmbeddingTexts texts, ItemType type, String after, int limit) {
    CatalogStore catalog = stores.catalog();
    return switch (type) {
      case PRODUCT ->
          catalog.productsAfter(after, limit).map(l -> l.stream().map(texts::of).toList());
      case CAMPAIGN ->
          catalog.campaignsAfter(after, limit).map(l -> l.stream().map(texts::of).toList());
      case CONTENT ->
          catalog.contentsAfter(after, limit).map(l -> l.stream().map(texts::of).toList());
      case USER -> Future.succeededFuture(List.of());
    };
  }

  private Future<List<VectorEntry>> entries(ItemType type, List<EmbeddingRow> rows) {
    String model = config.embedding().activeModel();
    return stores
        .vectors()
        .vectors(type, rows.stream().map(EmbeddingRow::id).toList())
        .map(
            (Map<String, float[]> vectors) -> {
              List<VectorEntry> entries = new ArrayList<>();
              for (EmbeddingRow row : rows) {
                float[] vector = vectors.get(row.id());
                if (vector != null) {
                  entries.add(row.entry(vector, model));
                }
              }
              return entries;
            });
  }

  private void report(ItemType type, long done, long total) {
    double seconds = Math.max(1e-3, (System.nanoTime() - typeStartedNanos) / 1e9);
    double rate = done / seconds;
    long left = rate <= 0 ? 0 : Math.round(Math.max(0, total - done) / rate);
    progress.accept(
        String.format(
            "indexed %s: %d/%d into %s (%.0f/s, about %d s left)",
            type.name().toLowerCase(), done, total, index.indexName(), rate, left));
  }
}
