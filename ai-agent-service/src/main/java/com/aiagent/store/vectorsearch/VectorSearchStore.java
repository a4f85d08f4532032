package com.aiagent.store.vectorsearch;

import com.aiagent.bus.OutageLog;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.metrics.AppMetrics;
import com.aiagent.store.ItemType;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorIndexFeed;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
import com.aiagent.store.VectorStore;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors in PostgreSQL (the record, which the feed's statements join with rows and graph), their
 * nearest-neighbour searches in Vertex AI Vector Search. A write goes to the index, then to
 * PostgreSQL; a search of an indexed type asks the index and, when it fails or its breaker is open,
 * answers from PostgreSQL's own HNSW index instead (the same vectors, so the same items, found more
 * slowly). User vectors are never searched, so they are not indexed.
 */
public final class VectorSearchStore implements VectorStore, VectorIndexFeed {
  private static final Logger LOG = LoggerFactory.getLogger(VectorSearchStore.class);
  static final Set<ItemType> INDEXED =
      Set.of(ItemType.PRODUCT, ItemType.CAMPAIGN, ItemType.CONTENT);

  private final VectorStore record;
  private final VectorSearchClient client;
  private final AppConfig.VectorSearch settings;
  private final int dimension;
  private final OutageLog outages = new OutageLog(LOG, 60_000, System::currentTimeMillis);
  private final Counter fallbacks =
      Counter.builder("ai.agent.vector.search.fallbacks")
          .description("Searches Vector Search did not answer, answered by pgvector instead")
          .register(AppMetrics.registry());
  private final LongAdder fallbackCount = new LongAdder();

  private VectorSearchStore(
      VectorStore record,
      VectorSearchClient client,
      AppConfig.VectorSearch settings,
      int dimension) {
    this.record = record;
    this.client = client;
    this.settings = settings;
    this.dimension = dimension;
  }

  /** Searches through Vector Search, keeping the vectors in {@code record} (PostgreSQL). */
  public static VectorSearchStore over(Vertx vertx, AppConfig config, VectorStore record) {
    return new VectorSearchStore(
        record,
        new VectorSearchClient(vertx, config),
        config.vectorSearch(),
        config.embedding().dimension());
  }

  /**
   * The index first: a write the index refused then leaves PostgreSQL as it was (its rows still
   * stale), so running the write again repairs both; the other order would mark the rows done while
   * the index kept the old vectors.
   */
  @Override
  public Future<Void> upsert(List<VectorEntry> entries) {
    return feed(entries).compose(n -> record.upsert(entries));
  }

  @Override
  public Future<Integer> feed(List<VectorEntry> entries) {
    List<VectorEntry> indexed = entries.stream().filter(e -> INDEXED.contains(e.type())).toList();
    for (VectorEntry entry : indexed) {
      if (entry.vector().length != dimension) {
        return Future.failedFuture(
            new IllegalArgumentException(
                entry.id()
                    + " has "
                    + entry.vector().length
                    + " dimensions, the index "
                    + dimension));
      }
    }
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < indexed.size(); from += settings.upsertBatchSize()) {
      List<VectorEntry> batch =
          indexed.subList(from, Math.min(from + settings.upsertBatchSize(), indexed.size()));
      chain = chain.compose(v -> client.upsert(Datapoints.upsert(batch)));
    }
    return chain.map(indexed.size());
  }

  @Override
  public Future<List<VectorMatch>> search(VectorQuery query) {
    if (!INDEXED.contains(query.type())) {
      return record.search(query);
    }
    if (query.vector().length != dimension) {
      return Future.failedFuture(
          ServiceFailure.badRequest(
              "query has " + query.vector().length + " dimensions, the index has " + dimension));
    }
    if (query.k() == 0) {
      return Future.succeededFuture(List.of());
    }
    return client
        .findNeighbors(Datapoints.findNeighbors(settings.deployedIndexId(), query))
        .map(answer -> Datapoints.matches(answer, query.type()))
        .recover(
            error -> {
              fallbacks.increment();
              fallbackCount.increment();
              outages.warn("vector-search", error);
              return record.search(query);
            });
  }

  @Override
  public Future<Map<String, float[]>> vectors(List<String> ids) {
    return record.vectors(ids);
  }

  @Override
  public Future<Map<String, float[]>> vectors(ItemType type, List<String> ids) {
    return record.vectors(type, ids);
  }

  @Override
  public Future<Long> count(ItemType type) {
    return record.count(type);
  }

  @Override
  public Future<Map<String, Object>> dependencies() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("vector_index", "vertex_vector_search");
    details.put("vector_index_breaker", client.breakerState());
    details.put("vector_index_fallbacks", fallbackCount.sum());
    return Future.succeededFuture(details);
  }

  /**
   * The index must take streaming updates of vectors of this dimension and answer dot products (the
   * service sends normalized vectors and reads the distance as their cosine).
   */
  @Override
  public Future<Void> check() {
    return client
        .index()
        .compose(
            index -> {
              JsonObject config =
                  index
                      .getJsonObject("metadata", new JsonObject())
                      .getJsonObject("config", new JsonObject());
              String problem = null;
              if (config.getInteger("dimensions", -1) != dimension) {
                problem =
                    "holds vectors of "
                        + config.getValue("dimensions")
                        + " dimensions, the embeddings have "
                        + dimension;
              } else if (!"DOT_PRODUCT_DISTANCE".equals(config.getString("distanceMeasureType"))) {
                problem =
                    "measures "
                        + config.getString("distanceMeasureType")
                        + "; the service needs DOT_PRODUCT_DISTANCE (it sends normalized vectors"
                        + " and reads the distance as their cosine)";
              } else if (!"STREAM_UPDATE".equals(index.getString("indexUpdateMethod"))) {
                problem =
                    "is updated by "
                        + index.getString("indexUpdateMethod")
                        + "; the service writes datapoints as they change and needs STREAM_UPDATE";
              }
              return problem == null
                  ? Future.<Void>succeededFuture()
                  : Future.<Void>failedFuture(
                      new IllegalStateException(
                          "Vector Search index " + settings.index() + " " + problem));
            },
            error -> {
              if (error instanceof VectorSearchClient.CallFailed failed
                  && (failed.status == -1
                      || failed.status == 401
                      || failed.status == 403
                      || failed.status == 404)) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "Vector Search index "
                            + settings.index()
                            + " cannot be used: "
                            + error.getMessage()
                            + " (check VERTEX_VECTOR_SEARCH_INDEX, the region and the service"
                            + " account's roles/aiplatform.user)"));
              }
              LOG.warn(
                  "Vector Search index {} did not answer at start ({}); searches use pgvector"
                      + " until it does",
                  settings.index(),
                  error.getMessage());
              return Future.succeededFuture();
            });
  }

  @Override
  public String indexName() {
    return settings.index();
  }

  /** Releases the HTTP client and the breaker. */
  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
