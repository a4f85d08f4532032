package com.aiagent.media;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.store.MediaStore;
import com.aiagent.vertex.VertexCaller;
import com.aiagent.vertex.VertexProviders;
import com.aiagent.vertex.VertexUse;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws pictures on {@code media.generate} and serves their bytes on {@code media.get}. Rendering
 * and WebP encoding run on a worker pool of their own, file I/O through Vert.x's async file system;
 * only {@link MediaNames valid names} are ever turned into paths, all inside the media folder.
 */
public final class MediaVerticle extends VerticleBase {
  static final String FALLBACK = "local-fallback";
  private static final Logger LOG = LoggerFactory.getLogger(MediaVerticle.class);
  private static final String CONTENT_TYPE = "image/webp";

  private final AppConfig app;
  private final AppConfig.Media config;
  private final MediaStore store;
  private WorkerExecutor renderPool;
  private LocalImageProvider local;
  private ImageProvider provider;

  public MediaVerticle(AppConfig app, MediaStore store) {
    this.app = app;
    this.config = app.media();
    this.store = store;
  }

  @Override
  public Future<?> start() {
    MediaClient.registerCodecs(vertx);
    renderPool = vertx.createSharedWorkerExecutor("media-render", config.workerPoolSize());
    WebpEncoder encoder = new WebpEncoder(config.webpQuality());
    local =
        new LocalImageProvider(
            renderPool, new LocalImageRenderer(config.width(), config.height()), encoder);
    Future<ImageProvider> chosen =
        VertexProviders.choose(
            vertx,
            app,
            VertexUse.IMAGE,
            caller -> new VertexImageProvider(caller, renderPool, encoder),
            local);
    return chosen
        .onSuccess(p -> provider = p)
        // The card's fonts and the WebP codec's native library load on first use, and each
        // registers a delete-on-exit file: loaded here, off the event loop, so a picture drawn
        // while the instance drains does not fail with "Shutdown in progress".
        .compose(
            p ->
                renderPool.executeBlocking(
                    () -> {
                      CardFont.preload();
                      encoder.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
                      return p;
                    }))
        .compose(p -> store.open())
        .onSuccess(
            v -> {
              BusEndpoint.serve(
                  vertx, MediaAddresses.GENERATE, GenerateImageRequest.class, this::generate);
              BusEndpoint.serve(vertx, MediaAddresses.GET, MediaFileRequest.class, this::get);
              BusEndpoint.serveHealth(vertx, MediaAddresses.HEALTH, this::health);
            });
  }

  @Override
  public Future<?> stop() {
    if (provider != null) {
      provider.close();
    }
    return renderPool.close();
  }

  private boolean enabled() {
    return !"none".equals(config.provider());
  }

  private Future<GeneratedImage> generate(GenerateImageRequest request) {
    if (!enabled()) {
      return Future.succeededFuture(
          new GeneratedImage(null, GeneratedImage.DISABLED, config.provider()));
    }
    return drawn(request)
        .compose(
            picture -> {
              if (picture.webp() == null) {
                return Future.succeededFuture(
                    new GeneratedImage(null, picture.status(), picture.provider()));
              }
              String name = MediaNames.newName();
              return store
                  .save(name, Buffer.buffer(picture.webp()))
                  .map(v -> new GeneratedImage(name, GeneratedImage.GENERATED, picture.provider()));
            })
        .recover(
            error -> {
              LOG.warn("no picture: {}", VertexCaller.describe(error));
              return Future.succeededFuture(
                  new GeneratedImage(null, GeneratedImage.FAILED, config.provider()));
            });
  }

  /** The configured provider's picture; when a remote one fails, the local renderer's. */
  private Future<ImageProvider.Drawn> drawn(GenerateImageRequest request) {
    if (provider == local) {
      return local.draw(request);
    }
    return provider
        .draw(request)
        .recover(
            error -> {
              LOG.warn(
                  "the image model did not draw the picture ({}); the local renderer did",
                  VertexCaller.describe(error));
              return local
                  .draw(request)
                  .map(d -> new ImageProvider.Drawn(d.webp(), d.status(), FALLBACK));
            });
  }

  private Future<MediaFile> get(MediaFileRequest request) {
    if (!MediaNames.isValid(request.file())) {
      throw ServiceFailure.notFound("no such media file");
    }
    String etag = MediaNames.etag(request.file());
    return store
        .load(request.file())
        .map(
            found ->
                found
                    .map(
                        bytes ->
                            new MediaFile(request.file(), CONTENT_TYPE, etag, bytes.getBytes()))
                    .orElseThrow(() -> ServiceFailure.notFound("no such media file")));
  }

  private Future<HealthStatus> health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", config.provider());
    details.put("store", store.location());
    if (provider != null && provider.breakerState() != null) {
      details.put("model", config.vertexModel());
      details.put("breaker", provider.breakerState());
    }
    if (!enabled()) {
      return Future.succeededFuture(HealthStatus.up(false, details));
    }
    return store
        .writable()
        .map(
            ok ->
                ok
                    ? VertexProviders.health(provider.breakerState(), details)
                    : HealthStatus.down(true, details));
  }
}
