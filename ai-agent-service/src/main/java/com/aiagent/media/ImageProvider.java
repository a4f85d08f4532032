package com.aiagent.media;

import io.vertx.core.Future;

/** Draws a post's picture and hands it back as WebP. */
interface ImageProvider {
  /**
   * A picture, or none with the reason why. {@code webp} null means no picture; {@code status} is
   * one of the {@link GeneratedImage} statuses.
   */
  record Drawn(byte[] webp, String status, String provider) {}

  Future<Drawn> draw(GenerateImageRequest request);

  /** The circuit breaker's state, for providers that have one. */
  default String breakerState() {
    return null;
  }

  /** Releases connections, for providers that hold some. */
  default void close() {}
}
