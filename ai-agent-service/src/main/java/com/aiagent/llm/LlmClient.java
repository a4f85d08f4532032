package com.aiagent.llm;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Typed access to the LLM module over the bus. */
public final class LlmClient {
  private final Vertx vertx;
  private final long timeoutMs;

  public LlmClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    registerCodecs(vertx);
  }

  public static void registerCodecs(Vertx vertx) {
    BusCodecs.register(vertx, WritePostRequest.class, WrittenPost.class);
  }

  public Future<WrittenPost> writePost(WritePostRequest request) {
    return BusRequests.request(
        vertx, LlmAddresses.WRITE_POST, request, timeoutMs, WrittenPost.class);
  }
}
