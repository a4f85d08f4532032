package com.aiagent.embedding;

import com.aiagent.search.ShoppingText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The offline embedder the configured local model names, run on the worker pool: {@code
 * local-concept-v1} (the {@link ConceptEmbedder}, the default) or {@code local-hashing-v1} (the
 * older {@link HashingEmbedder}, kept so rows embedded with it can still be searched until
 * generate-embeddings re-embeds them).
 */
final class LocalEmbedder implements Embedder {
  /** The model names a local embedder answers to. */
  static final String HASHING = "local-hashing-v1";

  static final String CONCEPT = "local-concept-v1";

  private final Vertx vertx;
  private final String model;
  private final int dimension;
  private volatile TextEmbedder text;

  LocalEmbedder(Vertx vertx, String model, int dimension) {
    this.vertx = vertx;
    this.model = model;
    this.dimension = dimension;
  }

  /** The embedder of a model name; the concept embedder loads nori's dictionary (blocking). */
  static TextEmbedder of(String model, int dimension) {
    return switch (model) {
      case HASHING -> new HashingEmbedder(model, dimension);
      case CONCEPT -> new ConceptEmbedder(model, dimension, ShoppingText.standard());
      default -> throw new IllegalArgumentException("unknown local embedding model " + model);
    };
  }

  /** Loads the model on a worker, so the first request does not pay for it. */
  Future<Void> warm() {
    return vertx.executeBlocking(() -> loaded(), false).mapEmpty();
  }

  @Override
  public String provider() {
    return "local";
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public Future<List<float[]>> embed(List<String> texts, TaskType task) {
    return vertx.executeBlocking(() -> texts.stream().map(loaded()::embed).toList(), false);
  }

  private TextEmbedder loaded() {
    TextEmbedder current = text;
    if (current == null) {
      synchronized (this) {
        current = text;
        if (current == null) {
          current = of(model, dimension);
          text = current;
        }
      }
    }
    return current;
  }
}
