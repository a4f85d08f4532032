package com.aiagent.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds one bus address to a handler. A record request gets a record reply (by reference in one
 * JVM); a plain {@link JsonObject} request gets a JSON reply, so verticles that do not share our
 * classes can integrate too. Failures become {@code message.fail(code, text)} with an {@link
 * ErrorCode}; a store or driver outage becomes "unavailable" with one warning per address per 30 s,
 * other unexpected exceptions are logged here and reach the caller only as "internal".
 */
public final class BusEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(BusEndpoint.class);
  private static final OutageLog OUTAGES = new OutageLog(LOG, 30_000, System::currentTimeMillis);

  private BusEndpoint() {}

  public static <Q, R> MessageConsumer<Object> serve(
      Vertx vertx, String address, Class<Q> requestType, Function<Q, Future<R>> handler) {
    return serveWithCaller(
        vertx, address, requestType, (request, caller) -> handler.apply(request));
  }

  /**
   * As {@link #serve(Vertx, String, Class, Function)}, and the handler also sees the calling
   * client's identity from the {@link BusHeaders#CALLER} header (empty: no authenticated caller).
   */
  public static <Q, R> MessageConsumer<Object> serveWithCaller(
      Vertx vertx,
      String address,
      Class<Q> requestType,
      BiFunction<Q, Optional<String>, Future<R>> handler) {
    return vertx
        .eventBus()
        .consumer(
            address,
            message -> {
              Object body = message.body();
              boolean json = body instanceof JsonObject;
              Future<R> result;
              try {
                Q request =
                    json
                        ? BusJson.fromJsonObject((JsonObject) body, requestType)
                        : cast(body, requestType);
                result = handler.apply(request, BusHeaders.caller(message));
              } catch (RuntimeException e) {
                result = Future.failedFuture(e);
              }
              result
                  .onSuccess(reply -> message.reply(json ? BusJson.toJsonObject(reply) : reply))
                  .onFailure(error -> fail(address, message, error));
            });
  }

  /** Answers {@link HealthProbe}s on a module's health address. */
  public static MessageConsumer<Object> serveHealth(
      Vertx vertx, String address, java.util.function.Supplier<Future<HealthStatus>> check) {
    BusCodecs.register(vertx, HealthProbe.class, HealthStatus.class);
    return serve(vertx, address, HealthProbe.class, probe -> check.get());
  }

  private static <Q> Q cast(Object body, Class<Q> requestType) {
    if (!requestType.isInstance(body)) {
      throw ServiceFailure.badRequest(
          "expected "
              + requestType.getSimpleName()
              + " or a JSON object, got "
              + (body == null ? "nothing" : body.getClass().getSimpleName()));
    }
    return requestType.cast(body);
  }

  private static void fail(String address, Message<Object> message, Throwable error) {
    if (error instanceof ServiceFailure failure) {
      message.fail(failure.code().busCode(), failure.getMessage());
    } else if (DependencyDown.test(error)) {
      OUTAGES.warn(address, error);
      message.fail(ErrorCode.UNAVAILABLE.busCode(), "a store or service is unavailable");
    } else {
      LOG.error("{} failed", address, error);
      message.fail(ErrorCode.INTERNAL.busCode(), "internal error");
    }
  }
}
