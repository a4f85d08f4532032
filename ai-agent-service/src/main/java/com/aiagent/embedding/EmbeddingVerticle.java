package com.aiagent.embedding;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.vertex.VertexProviders;
import com.aiagent.vertex.VertexUse;
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
  private final AppConfig config;
  private final RedisCache redis;
  private Embedder embedder;
  private EmbeddingCache cache;

  public EmbeddingVerticle(AppConfig config, RedisCache redis) {
    this.config = config;
    this.redis = redis;
  }

  @Override
  public Future<?> start() {
    AppConfig.Embedding embedding = config.embedding();
    cache = redis.enabled() ? new EmbeddingCache(redis, config.redis().embeddingTtlMs()) : null;
    EmbeddingClient.registerCodecs(vertx);
    Future<Embedder> provider =
        VertexProviders.choose(
            vertx,
            config,
            VertexUse.EMBEDDING,
            caller -> new VertexEmbedder(caller, embedding.dimension()),
            new LocalEmbedder(vertx, embedding.localModel(), embedding.dimension()));
    return provider
        .compose(
            chosen ->
                chosen instanceof LocalEmbedder local
                    ? local.warm().map(chosen)
                    : Future.succeededFuture(chosen))
        .onSuccess(
            chosen -> {
              embedder = chosen;
              BusEndpoint.serve(vertx, EmbeddingAddresses.EMBED, EmbedRequest.class, this::embed);
              BusEndpoint.serveHealth(vertx, EmbeddingAddresses.HEALTH, this::health);
            });
  }

  @Override
  public Future<?> stop() {
    if (embedder != null) {
      embedder.close();
    }
    return Future.succeededFuture();
  }

  private Future<HealthStatus> health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", embedder.provider());
    details.put("model", embedder.model());
    details.put("dimension", embedder.dimension());
    if (embedder.breakerState() != null) {
      details.put("breaker", embedder.breakerState());
    }
    if (cache != null) {
      details.put("cache_hits", cache.hits());
      details.put("cache_misses", cache.misses());
    }
    return Future.succeededFuture(VertexProviders.health(embedder.breakerState(), details));
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
                    embedder.provider(), embedder.model(), embedder.dimension(), vectors));
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
    int batchSize = config.embedding().batchSize();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < missingTexts.size(); from += batchSize) {
      List<String> batch =
          missingTexts.subList(from, Math.min(from + batchSize, missingTexts.size()));
      chain = chain.compose(v -> embedder.embed(batch, task).map(made::addAll).mapEmpty());
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
}
