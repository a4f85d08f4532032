package com.aiagent.embedding;

import io.vertx.core.Future;
import java.util.List;

/** Turns one batch of texts into vectors of {@link #dimension()}, all from {@link #model()}. */
interface Embedder {
  String provider();

  String model();

  int dimension();

  /** One vector per text, in order, L2-normalized. */
  Future<List<float[]>> embed(List<String> texts, TaskType task);

  /** The circuit breaker's state, for providers that have one. */
  default String breakerState() {
    return null;
  }

  /** Releases connections, for providers that hold some. */
  default void close() {}
}
