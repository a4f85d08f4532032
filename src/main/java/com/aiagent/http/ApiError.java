package com.aiagent.http;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error a client sees: {@code {"error":{"code","message"}}} with the matching status. */
final class ApiError {
  private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);

  private ApiError() {}

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
