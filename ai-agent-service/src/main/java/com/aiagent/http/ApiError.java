package com.aiagent.http;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.logging.CloudLoggingLayout;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every error a client sees: {@code {"error":{"code","message"}}} with the matching status. */
final class ApiError {
  private static final Logger LOG = LoggerFactory.getLogger(ApiError.class);

  private ApiError() {}

  /** The one error body: {@code {"error":{"code","message"}}}. */
  static Buffer body(String code, String message) {
    return new JsonObject()
        .put("error", new JsonObject().put("code", code).put("message", message))
        .toBuffer();
  }

  /**
   * The same error as a Netty response that closes its connection, for the guards that answer below
   * Vert.x's request handling (before or instead of a request Vert.x would see).
   */
  static FullHttpResponse closing(HttpResponseStatus status, String code, String message) {
    byte[] bytes = body(code, message).getBytes();
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpVerticle.JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return response;
  }

  /** The router's own failures (no route, wrong method, body too large...) as JSON errors. */
  static void answerRouterErrors(Router router, AppConfig config) {
    // A request whose connection closed under it (the client left, or a malformed body was
    // refused) has nobody left to answer: said once at debug, not as an unhandled router error.
    router
        .route()
        .failureHandler(
            ctx -> {
              if (ctx.failure() instanceof HttpClosedException) {
                LOG.debug("{} {}: connection closed", ctx.request().method(), ctx.request().path());
              } else {
                ctx.next();
              }
            });
    router.errorHandler(400, ctx -> send(ctx, ErrorCode.BAD_REQUEST, "bad request"));
    router.errorHandler(
        403,
        ctx ->
            send(
                ctx,
                ErrorCode.FORBIDDEN,
                "origin not allowed: " + ctx.request().getHeader("Origin")));
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
    Buffer body = body(code, message);
    ctx.response().setStatusCode(status).putHeader("Content-Type", HttpVerticle.JSON).end(body);
  }

  static void send(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code.httpStatus(), code.wireName(), message);
  }

  /**
   * A request the HTTP codec could not read (a URI or headers over the limits, a malformed request
   * line or header): its status with the usual JSON body, then the connection closes, since what
   * follows on it cannot be trusted to start a request.
   */
  static void answerInvalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status;
    String code;
    String message;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      code = "uri_too_long";
      message = "the request line is longer than the server reads";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      code = "headers_too_large";
      message = "the request headers are larger than the server reads";
    } else {
      status = 400;
      code = ErrorCode.BAD_REQUEST.wireName();
      message = "malformed request";
    }
    Buffer body = body(code, message);
    request
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", HttpVerticle.JSON)
        .putHeader("Connection", "close")
        .end(body)
        .onComplete(done -> request.connection().close());
  }

  /** Maps a failed bus call (or anything else) to a response; unknown errors never show details. */
  static void fail(RoutingContext ctx, Throwable error) {
    if (error instanceof HttpClosedException) {
      // The client went away (or a malformed request was refused and its connection closed):
      // nobody is left to answer.
      LOG.debug("{} {}: connection closed", ctx.request().method(), ctx.request().path());
      return;
    }
    if (error instanceof ServiceFailure failure) {
      failure
          .retryAfterSeconds()
          .ifPresent(seconds -> ctx.response().putHeader("Retry-After", String.valueOf(seconds)));
      send(ctx, failure.code(), failure.getMessage());
      return;
    }
    String id = RequestLog.id(ctx);
    if (id != null) {
      MDC.put(CloudLoggingLayout.REQUEST_ID, id);
    }
    try {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), error);
    } finally {
      MDC.remove(CloudLoggingLayout.REQUEST_ID);
    }
    send(ctx, ErrorCode.INTERNAL, "internal error");
  }
}
