package com.aiagent.generation;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Typed access to the generation module over the bus. */
public final class GenerationClient {
  private final Vertx vertx;
  private final long timeoutMs;

  public GenerationClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    registerCodecs(vertx);
  }

  public static void registerCodecs(Vertx vertx) {
    BusCodecs.register(vertx, GenerateFeedRequest.class, GetPostRequest.class, GeneratedPost.class);
  }

  public Future<GeneratedPost> generateFeed(GenerateFeedRequest request) {
    return BusRequests.request(
        vertx, GenerationAddresses.GENERATE_FEED, request, timeoutMs, GeneratedPost.class);
  }

  public Future<GeneratedPost> getPost(GetPostRequest request) {
    return BusRequests.request(
        vertx, GenerationAddresses.GET_POST, request, timeoutMs, GeneratedPost.class);
  }
}
