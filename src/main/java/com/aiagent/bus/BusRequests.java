package com.aiagent.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;

/**
 * The request side of every module client: one send timeout per call, and bus failures turned back
 * into {@link ServiceFailure}s so callers see the same codes the handler failed with.
 */
public final class BusRequests {
  private BusRequests() {}

  public static <R> Future<R> request(
      Vertx vertx, String address, Object body, long timeoutMs, Class<R> replyType) {
    return vertx
        .eventBus()
        .request(address, body, new DeliveryOptions().setSendTimeout(timeoutMs))
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
          return new ServiceFailure(ErrorCode.fromBusCode(reply.failureCode()), reply.getMessage());
      }
    }
    if (error instanceof ServiceFailure failure) {
      return failure;
    }
    return new ServiceFailure(ErrorCode.INTERNAL, "internal error");
  }
}
