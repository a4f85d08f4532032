package com.aiagent.llm;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Map;

/** Writes feed posts on {@code llm.write-post} with the configured writer. */
public final class LlmVerticle extends VerticleBase {
  private final AppConfig.Llm config;
  private final LocalPostWriter writer = new LocalPostWriter();

  public LlmVerticle(AppConfig.Llm config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LlmClient.registerCodecs(vertx);
    BusEndpoint.serve(vertx, LlmAddresses.WRITE_POST, WritePostRequest.class, this::write);
    BusEndpoint.serveHealth(
        vertx,
        LlmAddresses.HEALTH,
        () -> Future.succeededFuture(HealthStatus.up(true, Map.of("provider", config.provider()))));
    return Future.succeededFuture();
  }

  private Future<WrittenPost> write(WritePostRequest request) {
    if (request.user() == null || request.prompt() == null || request.prompt().isBlank()) {
      throw ServiceFailure.badRequest("a post needs a user and a prompt");
    }
    return Future.succeededFuture(writer.write(request));
  }
}
