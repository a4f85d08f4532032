package com.aiagent.http;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.HealthProbe;
import com.aiagent.bus.HealthStatus;
import com.aiagent.config.AppConfig;
import com.aiagent.events.EventsClient;
import com.aiagent.feed.FeedClient;
import com.aiagent.generation.GenerationClient;
import com.aiagent.media.MediaClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API: routes, server options and drain. The endpoints ({@link ApiRoutes}, {@link
 * MediaRoutes}) check every request before anything leaves, then talk to the modules only over the
 * event bus. One instance per core.
 */
public final class HttpVerticle extends VerticleBase {
  static final String JSON = "application/json; charset=utf-8";

  private final AppConfig config;
  private HttpServer server;
  private volatile boolean draining;

  /** Requests not yet answered, on this verticle's event loop only. */
  private final Set<RoutingContext> inFlight = new HashSet<>();

  public HttpVerticle(AppConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    BusCodecs.register(vertx, HealthProbe.class, HealthStatus.class);
    AppConfig.Bus bus = config.bus();
    ApiRoutes api =
        new ApiRoutes(
            config,
            new HealthReport(vertx, bus.healthTimeoutMs(), config.http().healthDetails()),
            new FeedClient(vertx, bus.feedTimeoutMs()),
            new GenerationClient(vertx, bus.generationTimeoutMs()),
            new EventsClient(vertx, bus.eventsTimeoutMs()));
    MediaRoutes media =
        new MediaRoutes(vertx, config.media(), new MediaClient(vertx, bus.mediaTimeoutMs()));

    CallerAuth auth = new CallerAuth(config.auth());

    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(config.gcp().projectId()));
    router.route().handler(this::closeWhileDraining);
    router.route().handler(this::track);
    // HEAD answers what GET would, without the body (uptime checkers and caches send HEAD).
    router.route("/health").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(api::health);
    router
        .route("/v1/feed")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(auth.reads())
        .handler(api::feed);
    // Vert.x takes the body handler before any other on a route; the caller is then checked before
    // the body is looked at.
    router
        .post("/v1/ai/generate-feed")
        .handler(BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes()))
        .handler(auth.writes())
        .handler(HttpVerticle::requireJson)
        .handler(api::generateFeed);
    router
        .post("/v1/events")
        .handler(BodyHandler.create(false).setBodyLimit(config.events().maxBodyBytes()))
        .handler(auth.writes())
        .handler(HttpVerticle::requireJson)
        .handler(api::recordEvents);
    router
        .route("/v1/ai/feeds/:id")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(auth.reads())
        .handler(api::getPost);
    router
        .route("/v1/media/:file")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(media::get);
    ApiError.answerRouterErrors(router, config);

    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setCompressionSupported(true)
                // Idle keep-alive connections are closed, so they cannot exhaust descriptors.
                .setIdleTimeout(config.http().idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // Over these the codec answers 414 / 431 (ApiError.answerInvalidRequest).
                .setMaxInitialLineLength(config.http().maxInitialLineBytes())
                .setMaxHeaderSize(config.http().maxHeaderBytes())
                .setHost(config.http().host())
                .setPort(config.http().port()));
    return server
        .connectionHandler(FramingGuard::install)
        .invalidRequestHandler(ApiError::answerInvalidRequest)
        .requestHandler(router)
        .listen();
  }

  /**
   * Stop accepting and let in-flight requests finish; at {@code http.drain_answer_ms} those still
   * waiting (a slow model call, say) are answered 503 with {@code Retry-After}, so every client
   * hears back inside the grace period instead of losing its connection at its end.
   */
  @Override
  public Future<?> stop() {
    draining = true;
    if (!inFlight.isEmpty()) {
      vertx.setTimer(Math.max(1, config.http().drainAnswerMs()), t -> answerInFlight());
    }
    return server.shutdown(config.http().shutdownGraceMs(), TimeUnit.MILLISECONDS);
  }

  private void track(RoutingContext ctx) {
    inFlight.add(ctx);
    ctx.addEndHandler(done -> inFlight.remove(ctx));
    ctx.next();
  }

  private void answerInFlight() {
    for (RoutingContext ctx : List.copyOf(inFlight)) {
      ctx.response().putHeader("Retry-After", "1");
      ApiError.send(ctx, ErrorCode.UNAVAILABLE, "the service is restarting; retry the request");
    }
  }

  /**
   * While draining, every answer tells keep-alive clients to reconnect (to another instance)
   * instead of sending their next request down a connection about to close.
   */
  private void closeWhileDraining(RoutingContext ctx) {
    ctx.addHeadersEndHandler(
        v -> {
          if (draining) {
            ctx.response().putHeader("Connection", "close");
          }
        });
    ctx.next();
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
}
