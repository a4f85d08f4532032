package com.aiagent.store.memory;

import com.aiagent.store.CatalogStore;
import com.aiagent.store.Dataset;
import com.aiagent.store.ItemType;
import com.aiagent.store.StoreAdmin;
import com.aiagent.store.StoredModel;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/** The in-memory stores need no schema and live in one process, so nothing is shared. */
public final class MemoryStoreAdmin implements StoreAdmin {
  private final CatalogStore catalog;
  private final MemoryVectorStore vectors;

  public MemoryStoreAdmin(CatalogStore catalog, MemoryVectorStore vectors) {
    this.catalog = catalog;
    this.vectors = vectors;
  }

  @Override
  public Future<Void> migrate() {
    return Future.succeededFuture();
  }

  @Override
  public <T> Future<T> exclusively(Supplier<Future<T>> work) {
    return work.get();
  }

  @Override
  public Future<Void> load(Dataset dataset) {
    return Future.all(
            catalog.putCategories(dataset.categories()),
            catalog.putUsers(dataset.users()),
            catalog.putProducts(dataset.products()),
            catalog.putContents(dataset.contents()),
            vectors.upsert(dataset.vectors()))
        .compose(v -> catalog.putCampaigns(dataset.campaigns()));
  }

  @Override
  public Future<List<StoredModel>> storedModels() {
    return Future.succeededFuture(vectors.storedModels());
  }

  @Override
  public Future<List<String>> staleEmbeddings(
      ItemType type, String model, String after, int limit) {
    return Future.succeededFuture(vectors.idsNotMadeBy(type, model, after, limit));
  }

  @Override
  public Future<Void> flagAllForReembedding() {
    return Future.failedFuture(
        new UnsupportedOperationException("in-memory vectors are made at every start"));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
