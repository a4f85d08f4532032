package com.aiagent.embedding;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns texts into vectors on {@code embedding.embed}. Work runs on the worker pool, one batch of
 * {@code embedding.batch_size} texts at a time, so a seed of hundreds of rows never holds an event
 * loop.
 */
public final class EmbeddingVerticle extends VerticleBase {
  private final AppConfig.Embedding config;
  private HashingEmbedder embedder;

  public EmbeddingVerticle(AppConfig.Embedding config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    embedder = new HashingEmbedder(config.localModel(), config.dimension());
    EmbeddingClient.registerCodecs(vertx);
    BusEndpoint.serve(vertx, EmbeddingAddresses.EMBED, EmbedRequest.class, this::embed);
    BusEndpoint.serveHealth(vertx, EmbeddingAddresses.HEALTH, this::health);
    return Future.succeededFuture();
  }

  private Future<HealthStatus> health() {
    return Future.succeededFuture(
        HealthStatus.up(
            true,
            Map.of(
                "provider", config.provider(),
                "model", embedder.model(),
                "dimension", embedder.dimension())));
  }

  private Future<EmbedResult> embed(EmbedRequest request) {
    if (request.texts() == null || request.texts().isEmpty()) {
      throw ServiceFailure.badRequest("texts must be a non-empty list");
    }
    if (request.texts().stream().anyMatch(t -> t == null || t.isBlank())) {
      throw ServiceFailure.badRequest("texts must not contain blank entries");
    }
    List<float[]> vectors = new ArrayList<>(request.texts().size());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < request.texts().size(); from += config.batchSize()) {
      List<String> batch =
          request
              .texts()
              .subList(from, Math.min(from + config.batchSize(), request.texts().size()));
      chain = chain.compose(v -> embedBatch(batch).map(vectors::addAll).mapEmpty());
    }
    return chain.map(
        v -> new EmbedResult(config.provider(), embedder.model(), embedder.dimension(), vectors));
  }

  private Future<List<float[]>> embedBatch(List<String> batch) {
    return vertx.executeBlocking(() -> batch.stream().map(embedder::embed).toList(), false);
  }
}
