package com.aiagent.media;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

/** The offline renderer and the WebP encoder, on the media worker pool. */
final class LocalImageProvider implements ImageProvider {
  static final String PROVIDER = "local";

  private final WorkerExecutor pool;
  private final LocalImageRenderer renderer;
  private final WebpEncoder encoder;

  LocalImageProvider(WorkerExecutor pool, LocalImageRenderer renderer, WebpEncoder encoder) {
    this.pool = pool;
    this.renderer = renderer;
    this.encoder = encoder;
  }

  @Override
  public Future<Drawn> draw(GenerateImageRequest request) {
    return pool.executeBlocking(
        () ->
            new Drawn(encoder.encode(renderer.render(request)), GeneratedImage.GENERATED, PROVIDER),
        false);
  }
}
