package com.aiagent.llm;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.vertex.VertexCaller;
import com.aiagent.vertex.VertexProviders;
import com.aiagent.vertex.VertexUse;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes feed posts on {@code llm.write-post} with the configured writer. When Gemini fails (an
 * error, a timeout, an open breaker, or two answers that fail validation) the local writer writes
 * the post instead, and says so: {@code provider} is then {@value #FALLBACK}.
 */
public final class LlmVerticle extends VerticleBase {
  static final String FALLBACK = "local-fallback";
  private static final Logger LOG = LoggerFactory.getLogger(LlmVerticle.class);

  private final AppConfig config;
  private final LocalPostWriter local = new LocalPostWriter();
  private PostWriter writer;

  public LlmVerticle(AppConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LlmClient.registerCodecs(vertx);
    Future<PostWriter> chosen =
        VertexProviders.choose(
            vertx,
            config,
            VertexUse.LLM,
            caller -> new VertexPostWriter(caller, config.llm().temperature()),
            local);
    return chosen.onSuccess(
        w -> {
          writer = w;
          BusEndpoint.serve(vertx, LlmAddresses.WRITE_POST, WritePostRequest.class, this::write);
          BusEndpoint.serveHealth(vertx, LlmAddresses.HEALTH, this::health);
        });
  }

  @Override
  public Future<?> stop() {
    if (writer != null) {
      writer.close();
    }
    return Future.succeededFuture();
  }

  private Future<HealthStatus> health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", config.llm().provider());
    if (writer != local) {
      details.put("model", config.llm().vertexModel());
      details.put("breaker", writer.breakerState());
    }
    return Future.succeededFuture(VertexProviders.health(writer.breakerState(), details));
  }

  private Future<WrittenPost> write(WritePostRequest request) {
    if (request.user() == null || request.prompt() == null || request.prompt().isBlank()) {
      throw ServiceFailure.badRequest("a post needs a user and a prompt");
    }
    if (writer == local) {
      return local.write(request);
    }
    return writer
        .write(request)
        .recover(
            error -> {
              LOG.warn(
                  "Gemini did not write the post ({}); the local writer did",
                  VertexCaller.describe(error));
              WrittenPost post = local.writeNow(request);
              return Future.succeededFuture(
                  new WrittenPost(
                      post.title(),
                      post.content(),
                      post.hashtags(),
                      post.callToAction(),
                      post.productIds(),
                      post.campaignIds(),
                      post.imagePrompt(),
                      FALLBACK));
            });
  }
}
