package com.aiagent.embedding;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Typed access to the embedding module over the bus. */
public final class EmbeddingClient {
  private final Vertx vertx;
  private final long timeoutMs;

  public EmbeddingClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    registerCodecs(vertx);
  }

  public static void registerCodecs(Vertx vertx) {
    BusCodecs.register(vertx, EmbedRequest.class, EmbedResult.class);
  }

  public Future<EmbedResult> embed(List<String> texts, TaskType taskType) {
    return BusRequests.request(
        vertx,
        EmbeddingAddresses.EMBED,
        new EmbedRequest(texts, taskType),
        timeoutMs,
        EmbedResult.class);
  }
}
