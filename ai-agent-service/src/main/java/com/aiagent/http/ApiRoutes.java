package com.aiagent.http;

import com.aiagent.bus.BusJson;
import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.events.EventInput;
import com.aiagent.events.EventsClient;
import com.aiagent.events.RecordEvents;
import com.aiagent.feed.FeedClient;
import com.aiagent.feed.FeedRequest;
import com.aiagent.generation.GenerateFeedRequest;
import com.aiagent.generation.GenerationClient;
import com.aiagent.generation.GetPostRequest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The JSON endpoints: each checks its request, asks one module over the bus and answers with the
 * module's record as JSON, or with the JSON error its failure maps to. Nothing unchecked leaves.
 */
final class ApiRoutes {
  private final AppConfig config;
  private final RequestBodies bodies;
  private final HealthReport health;
  private final FeedClient feed;
  private final GenerationClient generation;
  private final EventsClient events;

  ApiRoutes(
      AppConfig config,
      HealthReport health,
      FeedClient feed,
      GenerationClient generation,
      EventsClient events) {
    this.config = config;
    this.bodies = new RequestBodies(config);
    this.health = health;
    this.feed = feed;
    this.generation = generation;
    this.events = events;
  }

  void health(RoutingContext ctx) {
    health
        .check()
        .onSuccess(report -> sendJson(ctx, report.up() ? 200 : 503, report.body().toBuffer()))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  void feed(RoutingContext ctx) {
    FeedRequest request;
    try {
      request = feedRequest(ctx);
      CallerAuth.actFor(ctx, request.userId());
    } catch (ServiceFailure failure) {
      ApiError.fail(ctx, failure);
      return;
    }
    answer(ctx, 200, feed.get(request));
  }

  private FeedRequest feedRequest(RoutingContext ctx) {
    String userId = RequestChecks.userId(ctx.queryParams().get("user_id"));
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
        throw ServiceFailure.badRequest("limit must be a whole number from 1 to " + max);
      }
    }
    String cursor = ctx.queryParams().get("cursor");
    if (cursor != null && cursor.isBlank()) {
      throw ServiceFailure.badRequest("cursor must not be empty");
    }
    return new FeedRequest(userId, limit, cursor);
  }

  void generateFeed(RoutingContext ctx) {
    GenerateFeedRequest request;
    try {
      request = bodies.generateFeed(ctx, CallerAuth.name(ctx));
      CallerAuth.actFor(ctx, request.userId());
    } catch (ServiceFailure failure) {
      ApiError.fail(ctx, failure);
      return;
    }
    answer(ctx, 200, generation.generateFeed(request));
  }

  void recordEvents(RoutingContext ctx) {
    RecordEvents batch;
    try {
      batch = bodies.events(ctx);
      for (EventInput event : batch.events()) {
        CallerAuth.actFor(ctx, event.userId());
      }
    } catch (ServiceFailure failure) {
      ApiError.fail(ctx, failure);
      return;
    }
    answer(ctx, 202, events.record(batch));
  }

  void getPost(RoutingContext ctx) {
    answer(
        ctx, 200, generation.getPost(new GetPostRequest(ctx.pathParam("id"), bodies.origin(ctx))));
  }

  /** The record encoded inside the future chain, so an encoding failure is a JSON 500 too. */
  private static void answer(RoutingContext ctx, int status, Future<?> result) {
    result
        .map(BusJson::encode)
        .onSuccess(json -> sendJson(ctx, status, json))
        .onFailure(error -> ApiError.fail(ctx, error));
  }

  private static void sendJson(RoutingContext ctx, int status, Buffer body) {
    if (ctx.response().ended()) {
      return; // answered 503 while draining, before the module replied
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", HttpVerticle.JSON).end(body);
  }
}
