package com.aiagent.http;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.media.MediaClient;
import com.aiagent.media.MediaNames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * {@code GET /v1/media/{file}.webp}: a picture from the media folder straight to the socket, or
 * from the PostgreSQL media store over the bus, with a year-long cache and an ETag.
 */
final class MediaRoutes {
  private static final String WEBP = "image/webp";
  private static final String FOLDER = "folder";

  private final Vertx vertx;
  private final AppConfig.Media config;
  private final MediaClient media;

  MediaRoutes(Vertx vertx, AppConfig.Media config, MediaClient media) {
    this.vertx = vertx;
    this.config = config;
    this.media = media;
  }

  void get(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    if (!MediaNames.isValid(file)) {
      ApiError.send(ctx, ErrorCode.NOT_FOUND, "no such media file");
      return;
    }
    String etag = MediaNames.etag(file);
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      cacheable(ctx, etag).setStatusCode(304).end();
      return;
    }
    if (FOLDER.equals(config.store())) {
      // The file goes from the folder to the socket (sendfile where the OS has it), not through
      // the heap and the bus.
      Path path = config.dir().resolve(file);
      vertx
          .fileSystem()
          .props(path.toString())
          .recover(missing -> Future.failedFuture(ServiceFailure.notFound("no such media file")))
          .compose(
              props ->
                  cacheable(ctx, etag)
                      .putHeader("Content-Type", WEBP)
                      // Said explicitly so a HEAD, which sends no body, still tells the size.
                      .putHeader("Content-Length", String.valueOf(props.size()))
                      .sendFile(path.toString()))
          .onFailure(error -> ApiError.fail(ctx, error));
      return;
    }
    media
        .get(file)
        .onSuccess(
            found ->
                cacheable(ctx, etag)
                    .putHeader("Content-Type", found.contentType())
                    // Said explicitly so a HEAD, which sends no body, still tells the size.
                    .putHeader("Content-Length", String.valueOf(found.bytes().length))
                    .end(Buffer.buffer(found.bytes())))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  /** A found picture's caching headers (never on a 404, which a cache would keep for a year). */
  private HttpServerResponse cacheable(RoutingContext ctx, String etag) {
    return ctx.response()
        .putHeader(
            "Cache-Control", "public, max-age=" + config.cacheMaxAgeSeconds() + ", immutable")
        .putHeader("ETag", etag);
  }
}
