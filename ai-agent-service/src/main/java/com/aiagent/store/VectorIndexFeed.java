package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * A vector store whose searches are answered by an index kept apart from the rows (Vertex AI Vector
 * Search beside PostgreSQL). Vectors written with the catalog's rows (the seed) reach the index
 * only through {@link #feed}; the seed and {@code generate-embeddings --target vector-search} call
 * it.
 */
public interface VectorIndexFeed {
  /**
   * Writes {@code entries} into the index, only the types it searches (others are left out), and
   * answers how many it wrote.
   */
  Future<Integer> feed(List<VectorEntry> entries);

  /**
   * Fails when the index cannot hold these vectors (another dimension or distance, no streaming
   * updates, unknown, or refusing these credentials); an index that does not answer now is only
   * logged, since searches fall back until it does.
   */
  Future<Void> check();

  /** The index, for logs: its resource name. */
  String indexName();
}
