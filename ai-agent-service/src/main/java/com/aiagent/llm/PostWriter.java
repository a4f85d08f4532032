package com.aiagent.llm;

import io.vertx.core.Future;

/** Writes a feed post from retrieved items: the offline template or a model. */
interface PostWriter {
  Future<WrittenPost> write(WritePostRequest request);

  /** The circuit breaker's state, for writers that have one. */
  default String breakerState() {
    return null;
  }

  /** Releases connections, for providers that hold some. */
  default void close() {}
}
