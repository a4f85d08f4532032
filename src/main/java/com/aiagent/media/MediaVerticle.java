package com.aiagent.media;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws pictures on {@code media.generate} and serves their bytes on {@code media.get}. Rendering
 * and WebP encoding run on a worker pool of their own, file I/O through Vert.x's async file system;
 * only {@link MediaNames valid names} are ever turned into paths, all inside the media folder.
 */
public final class MediaVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MediaVerticle.class);
  private static final String CONTENT_TYPE = "image/webp";

  private final AppConfig.Media config;
  private Path dir;
  private WorkerExecutor renderPool;
  private LocalImageRenderer renderer;
  private WebpEncoder encoder;

  public MediaVerticle(AppConfig.Media config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    MediaClient.registerCodecs(vertx);
    dir = config.dir().toAbsolutePath().normalize();
    renderPool = vertx.createSharedWorkerExecutor("media-render", config.workerPoolSize());
    renderer = new LocalImageRenderer(config.width(), config.height());
    encoder = new WebpEncoder(config.webpQuality());
    BusEndpoint.serve(vertx, MediaAddresses.GENERATE, GenerateImageRequest.class, this::generate);
    BusEndpoint.serve(vertx, MediaAddresses.GET, MediaFileRequest.class, this::get);
    BusEndpoint.serveHealth(vertx, MediaAddresses.HEALTH, this::health);
    return vertx.fileSystem().mkdirs(dir.toString());
  }

  @Override
  public Future<?> stop() {
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
    String name = MediaNames.newName();
    return renderPool
        .executeBlocking(() -> Buffer.buffer(encoder.encode(renderer.render(request))), false)
        .compose(bytes -> vertx.fileSystem().writeFile(dir.resolve(name).toString(), bytes))
        .map(v -> new GeneratedImage(name, GeneratedImage.GENERATED, config.provider()))
        .recover(
            error -> {
              LOG.warn("picture {} failed", name, error);
              return Future.succeededFuture(
                  new GeneratedImage(null, GeneratedImage.FAILED, config.provider()));
            });
  }

  private Future<MediaFile> get(MediaFileRequest request) {
    if (!MediaNames.isValid(request.file())) {
      throw ServiceFailure.notFound("no such media file");
    }
    Path path = dir.resolve(request.file()).normalize();
    if (!path.getParent().equals(dir)) {
      throw ServiceFailure.notFound("no such media file");
    }
    String etag =
        "\"" + request.file().substring(0, request.file().length() - ".webp".length()) + "\"";
    return vertx
        .fileSystem()
        .readFile(path.toString())
        .map(bytes -> new MediaFile(request.file(), CONTENT_TYPE, etag, bytes.getBytes()))
        .recover(
            error ->
                isMissing(error)
                    ? Future.failedFuture(ServiceFailure.notFound("no such media file"))
                    : Future.failedFuture(error));
  }

  private static boolean isMissing(Throwable error) {
    return error instanceof FileSystemException && error.getCause() instanceof NoSuchFileException;
  }

  private Future<HealthStatus> health() {
    Map<String, Object> details = Map.of("provider", config.provider(), "dir", dir.toString());
    if (!enabled()) {
      return Future.succeededFuture(HealthStatus.up(false, details));
    }
    return vertx
        .fileSystem()
        .props(dir.toString())
        .map(
            props ->
                props.isDirectory()
                    ? HealthStatus.up(true, details)
                    : HealthStatus.down(true, details))
        .otherwise(HealthStatus.down(true, details));
  }
}
