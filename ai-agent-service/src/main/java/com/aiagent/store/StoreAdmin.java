package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/** Schema, seeding and embedding upkeep: what the seed verticle and the commands need. */
public interface StoreAdmin {
  /** Brings the schema up to date; a second call changes nothing. */
  Future<Void> migrate();

  /**
   * Runs {@code work} while no other instance of the service runs seeding work; fails if another
   * one holds the lock for longer than {@code seed.lock_timeout_ms}.
   */
  <T> Future<T> exclusively(Supplier<Future<T>> work);

  /**
   * Writes a whole dataset, updating rows that exist; campaigns go last, since their count tells a
   * later start that the seed is complete. PostgreSQL writes it in one transaction.
   */
  Future<Void> load(Dataset dataset);

  /** The models and dimensions of the stored vectors, per item type. */
  Future<List<StoredModel>> storedModels();

  /**
   * Up to {@code limit} ids of {@code type}, in id order after {@code after} (null: from the
   * first), whose vector was not made by {@code model}. Paging by the last id seen keeps a walk
   * over every row linear, however many rows earlier pages left stale.
   */
  Future<List<String>> staleEmbeddings(ItemType type, String model, String after, int limit);

  /** Flags every vector for re-embedding (the rows keep their vectors until then). */
  Future<Void> flagAllForReembedding();

  /** Closes connections. */
  Future<Void> close();
}
