package com.aiagent.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.util.Optional;

/**
 * The request side of every module client: one send timeout per call, and bus failures turned back
 * into {@link ServiceFailure}s so callers see the same codes the handler failed with.
 */
public final class BusRequests {
  private BusRequests() {}

  public static <R> Future<R> request(
      Vertx vertx, String address, Object body, long timeoutMs, Class<R> replyType) {
    return request(
        vertx, address, body, new DeliveryOptions().setSendTimeout(timeoutMs), replyType);
  }

  /** As above, with the caller's identity in the {@link BusHeaders#CALLER} header when present. */
  public static <R> Future<R> request(
      Vertx vertx,
      String address,
      Object body,
      long timeoutMs,
      Optional<String> caller,
      Class<R> replyType) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    caller.ifPresent(name -> options.addHeader(BusHeaders.CALLER, name));
    return request(vertx, address, body, options, replyType);
  }

  private static <R> Future<R> request(
      Vertx vertx, String address, Object body, DeliveryOptions options, Class<R> replyType) {
    return vertx
        .eventBus()
        .request(address, body, options)
        .recover(error -> Future.failedFuture(toServiceFailure(address, error)))
        .map(message -> replyType.cast(message.body()));
  }

  public static ServiceFailure toServiceFailure(String address, Throwable error) {
    if (error instanceof ReplyException reply) {
      switch (reply.failureType()) {
        case TIMEOUT:
          return new ServiceFailure(ErrorCode.TIMEOUT, address + " did not answer in time");
        case NO_HANDLERS:
          return new ServiceFailure(ErrorCode.UNAVAILABLE, address + " has no handler");
        default:
          ErrorCode code = ErrorCode.fromBusCode(reply.failureCode());
          String message = reply.getMessage();
          return new ServiceFailure(code, message == null ? address + " failed" : message);
      }
    }
    if (error instanceof ServiceFailure failure) {
      return failure;
    }
    return new ServiceFailure(ErrorCode.INTERNAL, "internal error");
  }
}
