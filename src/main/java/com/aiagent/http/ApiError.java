package com.aiagent.http;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error a client sees: {@code {"error":{"code","message"}}} with the matching status. */
final class ApiError {
  private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);

  private ApiError() {}

  /** The router's own failures (no route, wrong method, body too large...) as JSON errors. */
  static void answerRouterErrors(Router router, AppConfig config) {
    router.errorHandler(400, ctx -> send(ctx, ErrorCode.BAD_REQUEST, "bad request"));
    router.errorHandler(
        404, ctx -> send(ctx, ErrorCode.NOT_FOUND, "no such route: " + ctx.request().path()));
    router.errorHandler(
        405,
        ctx ->
            send(
                ctx,
                405,
                "method_not_allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
    router.errorHandler(
        413,
        ctx ->
            send(
                ctx,
                413,
                "payload_too_large",
                "request body is larger than "
                    + (ctx.request().path().startsWith("/v1/events")
                        ? config.events().maxBodyBytes()
                        : config.http().maxBodyBytes())
                    + " bytes"));
    router.errorHandler(
        415, ctx -> send(ctx, 415, "unsupported_media_type", "send the body as application/json"));
    router.errorHandler(
        500,
        ctx ->
            fail(
                ctx,
                ctx.failure() == null
                    ? new IllegalStateException("unknown failure")
                    : ctx.failure()));
  }

  static void send(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    JsonObject body =
        new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", HttpVerticle.JSON)
        .end(body.toBuffer());
  }

  static void send(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code.httpStatus(), code.wireName(), message);
  }

  /** Maps a failed bus call (or anything else) to a response; unknown errors never show details. */
  static void fail(RoutingContext ctx, Throwable error) {
    if (error instanceof ServiceFailure failure) {
      failure
          .retryAfterSeconds()
          .ifPresent(seconds -> ctx.response().putHeader("Retry-After", String.valueOf(seconds)));
      send(ctx, failure.code(), failure.getMessage());
      return;
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), error);
    send(ctx, ErrorCode.INTERNAL, "internal error");
  }
}
