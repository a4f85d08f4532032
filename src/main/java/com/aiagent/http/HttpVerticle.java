package com.aiagent.http;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusJson;
import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.HealthProbe;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.events.EventsClient;
import com.aiagent.events.RecordEvents;
import com.aiagent.feed.FeedClient;
import com.aiagent.feed.FeedRequest;
import com.aiagent.generation.GenerateFeedRequest;
import com.aiagent.generation.GenerationClient;
import com.aiagent.generation.GetPostRequest;
import com.aiagent.media.MediaClient;
import com.aiagent.media.MediaNames;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API. It checks every request before anything leaves it, then talks to the modules only
 * over the event bus, and turns their answers and failures into JSON. One instance per core.
 */
public final class HttpVerticle extends VerticleBase {
  static final String JSON = "application/json; charset=utf-8";
  private static final String WEBP = "image/webp";
  private static final String FOLDER = "folder";

  private final AppConfig config;
  private HttpServer server;
  private FeedClient feed;
  private GenerationClient generation;
  private MediaClient media;
  private EventsClient events;

  private volatile boolean draining;
  private RequestBodies bodies;
  private HealthReport health;

  public HttpVerticle(AppConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    BusCodecs.register(vertx, HealthProbe.class, HealthStatus.class);
    feed = new FeedClient(vertx, config.bus().feedTimeoutMs());
    generation = new GenerationClient(vertx, config.bus().generationTimeoutMs());
    media = new MediaClient(vertx, config.bus().mediaTimeoutMs());
    events = new EventsClient(vertx, config.bus().eventsTimeoutMs());

    bodies = new RequestBodies(config);
    health = new HealthReport(vertx, config.bus().healthTimeoutMs(), config.http().healthDetails());
    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(config.gcp().projectId()));
    // While draining, every answer tells keep-alive clients to reconnect (to another instance)
    // instead of sending their next request down a connection about to close.
    router
        .route()
        .handler(
            ctx -> {
              ctx.addHeadersEndHandler(
                  v -> {
                    if (draining) {
                      ctx.response().putHeader("Connection", "close");
                    }
                  });
              ctx.next();
            });
    // HEAD answers what GET would, without the body (uptime checkers and caches send HEAD).
    router.route("/health").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::health);
    router.route("/v1/feed").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::feed);
    router
        .post("/v1/ai/generate-feed")
        .handler(BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes()))
        .handler(HttpVerticle::requireJson)
        .handler(this::generateFeed);
    router
        .post("/v1/events")
        .handler(BodyHandler.create(false).setBodyLimit(config.events().maxBodyBytes()))
        .handler(HttpVerticle::requireJson)
        .handler(this::recordEvents);
    router
        .route("/v1/ai/feeds/:id")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(this::getPost);
    router
        .route("/v1/media/:file")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(this::media);

    router.errorHandler(400, ctx -> ApiError.send(ctx, ErrorCode.BAD_REQUEST, "bad request"));
    router.errorHandler(
        404,
        ctx -> ApiError.send(ctx, ErrorCode.NOT_FOUND, "no such route: " + ctx.request().path()));
    router.errorHandler(
        405,
        ctx ->
            ApiError.send(
                ctx,
                405,
                "method_not_allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
    router.errorHandler(
        413,
        ctx ->
            ApiError.send(
                ctx,
                413,
                "payload_too_large",
                "request body is larger than " + config.http().maxBodyBytes() + " bytes"));
    router.errorHandler(
        415,
        ctx ->
            ApiError.send(ctx, 415, "unsupported_media_type", "send the body as application/json"));
    router.errorHandler(
        500,
        ctx ->
            ApiError.fail(
                ctx,
                ctx.failure() == null
                    ? new IllegalStateException("unknown failure")
                    : ctx.failure()));

    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setCompressionSupported(true)
                // Idle keep-alive connections are closed, so they cannot exhaust descriptors.
                .setIdleTimeout(config.http().idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setHost(config.http().host())
                .setPort(config.http().port()));
    return server.requestHandler(router).listen();
  }

  /** Stop accepting, let in-flight requests finish within the grace period, then close. */
  @Override
  public Future<?> stop() {
    draining = true;
    return server.shutdown(config.http().shutdownGraceMs(), TimeUnit.MILLISECONDS);
  }

  private void health(RoutingContext ctx) {
    health
        .check()
        .onSuccess(
            report ->
                ctx.response()
                    .setStatusCode(report.up() ? 200 : 503)
                    .putHeader("Content-Type", JSON)
                    .end(report.body().toBuffer()))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  private void feed(RoutingContext ctx) {
    String userId;
    try {
      userId = RequestChecks.userId(ctx.queryParams().get("user_id"));
    } catch (ServiceFailure failure) {
      ApiError.fail(ctx, failure);
      return;
    }
    Integer limit = null;
    String rawLimit = ctx.queryParams().get("limit");
    if (rawLimit != null) {
      int max = config.feed().maxLimit();
      try {
        limit = Integer.parseInt(rawLimit.strip());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > max) {
        ApiError.send(ctx, ErrorCode.BAD_REQUEST, "limit must be a whole number from 1 to " + max);
        return;
      }
    }
    String cursor = ctx.queryParams().get("cursor");
    if (cursor != null && cursor.isBlank()) {
      ApiError.send(ctx, ErrorCode.BAD_REQUEST, "cursor must not be empty");
      return;
    }
    feed.get(new FeedRequest(userId, limit, cursor))
        .map(BusJson::encode)
        .onSuccess(json -> sendJson(ctx, 200, json))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  private void generateFeed(RoutingContext ctx) {
    GenerateFeedRequest request;
    try {
      request = bodies.generateFeed(ctx);
    } catch (ServiceFailure failure) {
      ApiError.fail(ctx, failure);
      return;
    }
    generation
        .generateFeed(request)
        .map(BusJson::encode)
        .onSuccess(json -> sendJson(ctx, 200, json))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  private void recordEvents(RoutingContext ctx) {
    RecordEvents batch;
    try {
      batch = bodies.events(ctx);
    } catch (ServiceFailure failure) {
      ApiError.fail(ctx, failure);
      return;
    }
    events
        .record(batch)
        .map(BusJson::encode)
        .onSuccess(json -> sendJson(ctx, 202, json))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  private void getPost(RoutingContext ctx) {
    generation
        .getPost(new GetPostRequest(ctx.pathParam("id"), RequestBodies.origin(ctx)))
        .map(BusJson::encode)
        .onSuccess(json -> sendJson(ctx, 200, json))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  private void media(RoutingContext ctx) {
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
    if (FOLDER.equals(config.media().store())) {
      // The file goes from the folder to the socket (sendfile where the OS has it), not through
      // the heap and the bus.
      Path path = config.media().dir().resolve(file);
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
            "Cache-Control",
            "public, max-age=" + config.media().cacheMaxAgeSeconds() + ", immutable")
        .putHeader("ETag", etag);
  }

  /**
   * The body must be declared {@code application/json} (media types compare without case, and a
   * charset parameter is fine); {@code *}{@code /*}, a bare {@code json} or none is a 415. Vert.x's
   * {@code consumes} took wildcards and refused upper case.
   */
  private static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("application/json")) {
      ctx.next();
    } else {
      ApiError.send(ctx, 415, "unsupported_media_type", "send the body as application/json");
    }
  }

  private static void sendJson(RoutingContext ctx, int status, Buffer body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
  }
}
