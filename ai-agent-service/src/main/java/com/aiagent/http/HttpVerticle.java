package com.aiagent.http;

import com.aiagent.bus.BusCodecs;
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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
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
  private final Drain drain = new Drain();

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
    AppConfig.Http http = config.http();

    Router router = Router.router(vertx);
    router.route().handler(new RequestLog(config.gcp().projectId()));
    router.route().handler(drain::track);
    HttpEdge.cors(http).ifPresent(cors -> router.route().handler(cors));
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
        .handler(RequestBodies::requireJson)
        .handler(api::generateFeed);
    router
        .post("/v1/events")
        .handler(BodyHandler.create(false).setBodyLimit(config.events().maxBodyBytes()))
        .handler(auth.writes())
        .handler(RequestBodies::requireJson)
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
    OperatorPages.route(router, config.metrics(), auth);
    ConsolePages.route(router);
    ApiError.answerRouterErrors(router, config);

    server = vertx.createHttpServer(HttpEdge.serverOptions(http));
    return server
        .connectionHandler(HttpEdge.guards(http))
        .invalidRequestHandler(ApiError::answerInvalidRequest)
        .requestHandler(router)
        .listen();
  }

  /** Stop accepting, let in-flight requests finish (or answer them 503 late), then close. */
  @Override
  public Future<?> stop() {
    drain.begin(vertx, config.http().drainAnswerMs());
    return server.shutdown(config.http().shutdownGraceMs(), TimeUnit.MILLISECONDS);
  }
}
