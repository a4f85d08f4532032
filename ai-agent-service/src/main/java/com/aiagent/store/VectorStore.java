package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** Stores item embeddings and answers nearest-neighbour queries. */
public interface VectorStore {
  Future<Void> upsert(List<VectorEntry> entries);

  Future<List<VectorMatch>> search(VectorQuery query);

  /**
   * The vectors of the given ids that exist, of any type; missing ids are left out. PostgreSQL
   * looks in every catalog table: when the type is known, the typed read below looks in one.
   */
  Future<Map<String, float[]>> vectors(List<String> ids);

  /** The vectors of the given ids of {@code type} that exist; other ids are left out. */
  Future<Map<String, float[]>> vectors(ItemType type, List<String> ids);

  Future<Long> count(ItemType type);

  /**
   * For health details: the index that answers this store's searches when it is not the store
   * itself, and whether it is being used; never fails. Empty when none.
   */
  default Future<Map<String, Object>> dependencies() {
    return Future.succeededFuture(Map.of());
  }

  /** Closes what the store holds apart from the other stores (a client of its own). */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
