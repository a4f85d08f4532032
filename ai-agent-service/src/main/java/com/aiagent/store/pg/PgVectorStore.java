package com.aiagent.store.pg;

import com.aiagent.store.ItemType;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings in each catalog table's {@code vector(768)} column, searched with pgvector's cosine
 * distance over HNSW indexes. Filtered searches rely on iterative index scans (set per connection),
 * so a selective filter still fills the limit.
 */
public final class PgVectorStore implements VectorStore {
  private final Pool pool;

  PgVectorStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> upsert(List<VectorEntry> entries) {
    Map<ItemType, List<Tuple>> byType = new EnumMap<>(ItemType.class);
    for (VectorEntry e : entries) {
      byType
          .computeIfAbsent(e.type(), t -> new ArrayList<>())
          .add(Tuple.of(e.id(), PgRows.vectorText(e.vector()), e.model()));
    }
    return pool.withTransaction(
        conn -> {
          Future<Void> chain = Future.succeededFuture();
          for (Map.Entry<ItemType, List<Tuple>> e : byType.entrySet()) {
            chain =
                chain.compose(
                    v ->
                        conn.preparedQuery(SqlQueries.updateEmbedding(e.getKey()))
                            .executeBatch(e.getValue())
                            .mapEmpty());
          }
          return chain;
        });
  }

  @Override
  public Future<List<VectorMatch>> search(VectorQuery query) {
    boolean byCategory = query.category() != null;
    boolean liveOnly = query.liveAt() != null && query.type() == ItemType.CAMPAIGN;
    List<Object> params =
        new ArrayList<>(Arrays.asList(PgRows.vectorText(query.vector()), query.k()));
    if (byCategory) {
      params.add(query.category());
    }
    if (liveOnly) {
      params.add(PgRows.time(query.liveAt()));
    }
    return pool.preparedQuery(SqlQueries.search(query.type(), byCategory, liveOnly))
        .execute(Tuple.from(params))
        .map(
            rows ->
                PgRows.list(
                    rows, r -> new VectorMatch(r.getString(0), query.type(), r.getDouble(1))));
  }

  @Override
  public Future<Map<String, float[]>> vectors(List<String> ids) {
    return vectors(SqlQueries.SELECT_VECTORS, ids);
  }

  @Override
  public Future<Map<String, float[]>> vectors(ItemType type, List<String> ids) {
    return vectors(SqlQueries.selectVectors(type), ids);
  }

  private Future<Map<String, float[]>> vectors(String sql, List<String> ids) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(PgRows.array(ids)))
        .map(
            rows -> {
              Map<String, float[]> result = new LinkedHashMap<>();
              rows.forEach(r -> result.put(r.getString(0), PgRows.floats(r.getArrayOfFloats(1))));
              return result;
            });
  }

  @Override
  public Future<Long> count(ItemType type) {
    return pool.query(SqlQueries.countVectors(type)).execute().map(PgRows::count);
  }
}
