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
}
