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
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    // A picture never changes under its name, so a tag the client names is answered at once; "*"
    // (any representation) only once the picture is known to exist.
    if (namesTag(ifNoneMatch, etag)) {
      cacheable(ctx, etag).setStatusCode(304).end();
      return;
    }
    boolean anyTag = ifNoneMatch != null && ifNoneMatch.strip().equals("*");
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
                  ctx.response().ended()
                      ? Future.succeededFuture()
                      : anyTag
                          ? cacheable(ctx, etag).setStatusCode(304).end()
                          : cacheable(ctx, etag)
                              .putHeader("Content-Type", WEBP)
                              // Said explicitly so a HEAD, which sends no body, still tells the
                              // size.
                              .putHeader("Content-Length", String.valueOf(props.size()))
                              .sendFile(path.toString()))
          .onFailure(error -> ApiError.fail(ctx, error));
      return;
    }
    media
        .get(file)
        .onSuccess(
            found -> {
              if (ctx.response().ended()) {
                return;
              }
              if (anyTag) {
                cacheable(ctx, etag).setStatusCode(304).end();
                return;
              }
              cacheable(ctx, etag)
                  .putHeader("Content-Type", found.contentType())
                  // Said explicitly so a HEAD, which sends no body, still tells the size.
                  .putHeader("Content-Length", String.valueOf(found.bytes().length))
                  .end(Buffer.buffer(found.bytes()));
            })
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  /**
   * Whether an {@code If-None-Match} list names {@code etag}, compared weakly (RFC 9110 13.1.2: a
   * {@code W/} prefix does not matter); {@code *} is not a name and is handled by the caller.
   */
  static boolean namesTag(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  /** A found picture's caching headers (never on a 404, which a cache would keep for a year). */
  private HttpServerResponse cacheable(RoutingContext ctx, String etag) {
    return ctx.response()
        .putHeader(
            "Cache-Control", "public, max-age=" + config.cacheMaxAgeSeconds() + ", immutable")
        .putHeader("ETag", etag);
  }
}
