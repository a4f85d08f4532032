package com.aiagent.embedding;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** The offline {@link HashingEmbedder}, run on the worker pool. */
final class LocalEmbedder implements Embedder {
  private final Vertx vertx;
  private final HashingEmbedder hashing;

  LocalEmbedder(Vertx vertx, HashingEmbedder hashing) {
    this.vertx = vertx;
    this.hashing = hashing;
  }

  @Override
  public String provider() {
    return "local";
  }

  @Override
  public String model() {
    return hashing.model();
  }

  @Override
  public int dimension() {
    return hashing.dimension();
  }

  @Override
  public Future<List<float[]>> embed(List<String> texts, TaskType task) {
    return vertx.executeBlocking(() -> texts.stream().map(hashing::embed).toList(), false);
  }
}
