package com.aiagent.embedding;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into vectors on {@code embedding.embed}. Texts already in the embedding cache (Redis)
 * are answered from it; the rest go to the provider one batch of {@code embedding.batch_size} at a
 * time, on the worker pool, so a seed of hundreds of rows never holds an event loop.
 */
public final class EmbeddingVerticle extends VerticleBase {
  private final AppConfig.Embedding config;
  private final AppConfig.Redis redisConfig;
  private final RedisCache redis;
  private HashingEmbedder embedder;
  private EmbeddingCache cache;

  public EmbeddingVerticle(
      AppConfig.Embedding config, AppConfig.Redis redisConfig, RedisCache redis) {
    this.config = config;
    this.redisConfig = redisConfig;
    this.redis = redis;
  }

  @Override
  public Future<?> start() {
    embedder = new HashingEmbedder(config.localModel(), config.dimension());
    cache = redis.enabled() ? new EmbeddingCache(redis, redisConfig.embeddingTtlMs()) : null;
    EmbeddingClient.registerCodecs(vertx);
    BusEndpoint.serve(vertx, EmbeddingAddresses.EMBED, EmbedRequest.class, this::embed);
    BusEndpoint.serveHealth(vertx, EmbeddingAddresses.HEALTH, this::health);
    return Future.succeededFuture();
  }

  private Future<HealthStatus> health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", config.provider());
    details.put("model", embedder.model());
    details.put("dimension", embedder.dimension());
    if (cache != null) {
      details.put("cache_hits", cache.hits());
      details.put("cache_misses", cache.misses());
    }
    return Future.succeededFuture(HealthStatus.up(true, details));
  }

  private Future<EmbedResult> embed(EmbedRequest request) {
    if (request.texts() == null || request.texts().isEmpty()) {
      throw ServiceFailure.badRequest("texts must be a non-empty list");
    }
    if (request.texts().stream().anyMatch(t -> t == null || t.isBlank())) {
      throw ServiceFailure.badRequest("texts must not contain blank entries");
    }
    if (request.taskType() == null) {
      throw ServiceFailure.badRequest("task_type is required");
    }
    List<String> texts = request.texts();
    Future<List<float[]>> cached =
        cache == null
            ? Future.succeededFuture(Arrays.asList(new float[texts.size()][]))
            : cache.lookup(embedder.model(), embedder.dimension(), request.taskType(), texts);
    return cached
        .compose(found -> fillMisses(texts, found, request.taskType()))
        .map(
            vectors ->
                new EmbedResult(
                    config.provider(), embedder.model(), embedder.dimension(), vectors));
  }

  /** Embeds the texts {@code found} has no vector for, caches them, and answers all in order. */
  private Future<List<float[]>> fillMisses(List<String> texts, List<float[]> found, TaskType task) {
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i) == null) {
        missing.add(i);
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(found);
    }
    List<String> missingTexts = missing.stream().map(texts::get).toList();
    List<float[]> made = new ArrayList<>(missingTexts.size());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < missingTexts.size(); from += config.batchSize()) {
      List<String> batch =
          missingTexts.subList(from, Math.min(from + config.batchSize(), missingTexts.size()));
      chain = chain.compose(v -> embedBatch(batch).map(made::addAll).mapEmpty());
    }
    return chain
        .compose(
            v ->
                cache == null
                    ? Future.succeededFuture()
                    : cache.store(embedder.model(), embedder.dimension(), task, missingTexts, made))
        .map(
            v -> {
              List<float[]> all = new ArrayList<>(found);
              for (int i = 0; i < missing.size(); i++) {
                all.set(missing.get(i), made.get(i));
              }
              return all;
            });
  }

  private Future<List<float[]>> embedBatch(List<String> batch) {
    return vertx.executeBlocking(() -> batch.stream().map(embedder::embed).toList(), false);
  }
}
