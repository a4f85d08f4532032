package com.aiagent.http;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusJson;
import com.aiagent.bus.BusRequests;
import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.HealthProbe;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.cache.CacheAddresses;
import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbeddingAddresses;
import com.aiagent.events.EventInput;
import com.aiagent.events.EventsAddresses;
import com.aiagent.events.EventsClient;
import com.aiagent.events.RecordEvents;
import com.aiagent.feed.FeedAddresses;
import com.aiagent.feed.FeedClient;
import com.aiagent.feed.FeedRequest;
import com.aiagent.generation.GenerateFeedRequest;
import com.aiagent.generation.GenerationAddresses;
import com.aiagent.generation.GenerationClient;
import com.aiagent.generation.GetPostRequest;
import com.aiagent.llm.LlmAddresses;
import com.aiagent.media.MediaAddresses;
import com.aiagent.media.MediaClient;
import com.aiagent.media.MediaNames;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The HTTP API. It checks every request before anything leaves it, then talks to the modules only
 * over the event bus, and turns their answers and failures into JSON. One instance per core.
 */
public final class HttpVerticle extends VerticleBase {
  static final String JSON = "application/json; charset=utf-8";
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
  private static final Map<String, String> HEALTH_ADDRESSES =
      Map.of(
          "feed", FeedAddresses.HEALTH,
          "events", EventsAddresses.HEALTH,
          "generation", GenerationAddresses.HEALTH,
          "embedding", EmbeddingAddresses.HEALTH,
          "llm", LlmAddresses.HEALTH,
          "media", MediaAddresses.HEALTH,
          "cache", CacheAddresses.HEALTH);

  private final AppConfig config;
  private HttpServer server;
  private FeedClient feed;
  private GenerationClient generation;
  private MediaClient media;
  private EventsClient events;

  private volatile boolean draining;

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
        .consumes("application/json")
        .handler(BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes()))
        .handler(this::generateFeed);
    router
        .post("/v1/events")
        .consumes("application/json")
        .handler(BodyHandler.create(false).setBodyLimit(config.events().maxBodyBytes()))
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
    Map<String, Future<HealthStatus>> checks = new LinkedHashMap<>();
    HEALTH_ADDRESSES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                checks.put(
                    e.getKey(),
                    BusRequests.request(
                            vertx,
                            e.getValue(),
                            new HealthProbe(),
                            config.bus().healthTimeoutMs(),
                            HealthStatus.class)
                        .otherwise(
                            error ->
                                HealthStatus.down(
                                    true,
                                    Map.of(
                                        "error",
                                        error.getMessage() == null
                                            ? "no answer"
                                            : error.getMessage())))));
    Future.join(List.copyOf(checks.values()))
        .onComplete(
            done -> {
              JsonObject body = new JsonObject();
              boolean up = true;
              JsonObject results = new JsonObject();
              for (Map.Entry<String, Future<HealthStatus>> e : checks.entrySet()) {
                HealthStatus status = e.getValue().result();
                up &= status.isUp() || !status.required();
                results.put(e.getKey(), BusJson.toJsonObject(status));
              }
              body.put("status", up ? HealthStatus.UP : HealthStatus.DOWN).put("checks", results);
              ctx.response()
                  .setStatusCode(up ? 200 : 503)
                  .putHeader("Content-Type", JSON)
                  .end(body.toBuffer());
            });
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
      request = parseGenerateFeed(ctx);
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

  private GenerateFeedRequest parseGenerateFeed(RoutingContext ctx) {
    Object decoded;
    try {
      decoded =
          ctx.body().buffer() == null
              ? null
              : io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
    } catch (DecodeException e) {
      throw ServiceFailure.badRequest("body is not valid JSON");
    }
    if (!(decoded instanceof JsonObject body)) {
      throw ServiceFailure.badRequest(
          "body must be a JSON object with user_id and prompt"
              + (decoded instanceof JsonArray ? ", not an array" : ""));
    }
    String userId = RequestChecks.userId(body.getValue("user_id"));
    String prompt =
        RequestChecks.prompt(body.getValue("prompt"), config.generation().maxPromptChars());
    Object generateImage = body.getValue("generate_image");
    if (generateImage != null && !(generateImage instanceof Boolean)) {
      throw ServiceFailure.badRequest("generate_image must be true or false");
    }
    return new GenerateFeedRequest(userId, prompt, (Boolean) generateImage, origin(ctx));
  }

  private void recordEvents(RoutingContext ctx) {
    RecordEvents batch;
    try {
      batch = parseEvents(ctx);
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

  /** {@code {"events": [...]}} or a bare array of events. */
  private RecordEvents parseEvents(RoutingContext ctx) {
    Object body;
    try {
      body = io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
    } catch (DecodeException | NullPointerException e) {
      throw ServiceFailure.badRequest("body is not valid JSON");
    }
    JsonArray list =
        body instanceof JsonArray array
            ? array
            : body instanceof JsonObject object && object.getValue("events") instanceof JsonArray a
                ? a
                : null;
    if (list == null) {
      throw ServiceFailure.badRequest("body must be {\"events\": [...]} or an array of events");
    }
    int max = config.events().maxBatch();
    if (list.isEmpty() || list.size() > max) {
      throw ServiceFailure.badRequest(
          "events must hold 1 to " + max + " events (got " + list.size() + ")");
    }
    List<EventInput> inputs = new java.util.ArrayList<>(list.size());
    for (Object element : list) {
      inputs.add(EventInput.fromJson(element));
    }
    return new RecordEvents(List.copyOf(inputs));
  }

  private void getPost(RoutingContext ctx) {
    generation
        .getPost(new GetPostRequest(ctx.pathParam("id"), origin(ctx)))
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
    media
        .get(file)
        .onSuccess(
            found -> {
              ctx.response()
                  .putHeader(
                      "Cache-Control",
                      "public, max-age=" + config.media().cacheMaxAgeSeconds() + ", immutable")
                  .putHeader("ETag", found.etag());
              if (found.etag().equals(ctx.request().getHeader("If-None-Match"))) {
                ctx.response().setStatusCode(304).end();
                return;
              }
              ctx.response()
                  .putHeader("Content-Type", found.contentType())
                  // Said explicitly so a HEAD, which sends no body, still tells the size.
                  .putHeader("Content-Length", String.valueOf(found.bytes().length))
                  .end(Buffer.buffer(found.bytes()));
            })
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  /**
   * The origin the client called: the Host header, and https when a proxy such as Cloud Run's front
   * end says so in X-Forwarded-Proto. A malformed Host gives null (the configured or default base
   * URL is used); X-Forwarded-Host is not trusted.
   */
  private static String origin(RoutingContext ctx) {
    String host = ctx.request().getHeader("Host");
    if (host == null || !HOST.matcher(host).matches()) {
      return null;
    }
    String proto = ctx.request().getHeader("X-Forwarded-Proto");
    String scheme =
        "https".equalsIgnoreCase(proto) ? "https" : ctx.request().isSSL() ? "https" : "http";
    return scheme + "://" + host;
  }

  private static void sendJson(RoutingContext ctx, int status, Buffer body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
  }
}
