package com.aiagent.feed;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Typed access to the feed module over the bus. */
public final class FeedClient {
  private final Vertx vertx;
  private final long timeoutMs;

  public FeedClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    registerCodecs(vertx);
  }

  public static void registerCodecs(Vertx vertx) {
    BusCodecs.register(vertx, FeedRequest.class, FeedPage.class);
  }

  /** Tells every feed instance that the user's data changed. */
  public void userChanged(String userId) {
    vertx.eventBus().publish(FeedAddresses.USER_CHANGED, userId);
  }

  public Future<FeedPage> get(FeedRequest request) {
    return BusRequests.request(vertx, FeedAddresses.GET, request, timeoutMs, FeedPage.class);
  }
}
