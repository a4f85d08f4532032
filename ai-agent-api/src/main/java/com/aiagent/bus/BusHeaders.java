package com.aiagent.bus;

import io.vertx.core.eventbus.Message;
import java.util.Optional;

/** Headers a bus request may carry beside its body. */
public final class BusHeaders {
  /**
   * The authenticated client the request is made for (an API key's caller name or a Cloud Run IAM
   * principal's email), set by the HTTP API in its secure modes; absent in open mode.
   */
  public static final String CALLER = "caller";

  private BusHeaders() {}

  public static Optional<String> caller(Message<?> message) {
    String caller = message.headers().get(CALLER);
    return caller == null || caller.isBlank() ? Optional.empty() : Optional.of(caller);
  }
}
