package com.aiagent.generation;

import com.aiagent.bus.BusRequests;
import com.aiagent.embedding.EmbedRequest;
import com.aiagent.embedding.EmbedResult;
import com.aiagent.embedding.EmbeddingAddresses;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.embedding.TaskType;
import com.aiagent.llm.LlmAddresses;
import com.aiagent.llm.LlmClient;
import com.aiagent.llm.WritePostRequest;
import com.aiagent.llm.WrittenPost;
import com.aiagent.media.GenerateImageRequest;
import com.aiagent.media.GeneratedImage;
import com.aiagent.media.MediaAddresses;
import com.aiagent.media.MediaClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** The embedding, LLM and media modules over the bus, each call with its own send timeout. */
final class BusPeers implements PeerModules {
  private final Vertx vertx;

  BusPeers(Vertx vertx) {
    this.vertx = vertx;
    EmbeddingClient.registerCodecs(vertx);
    LlmClient.registerCodecs(vertx);
    MediaClient.registerCodecs(vertx);
  }

  @Override
  public Future<EmbedResult> embedQuery(String prompt, long timeoutMs) {
    return BusRequests.request(
        vertx,
        EmbeddingAddresses.EMBED,
        new EmbedRequest(List.of(prompt), TaskType.RETRIEVAL_QUERY),
        timeoutMs,
        EmbedResult.class);
  }

  @Override
  public Future<WrittenPost> writePost(WritePostRequest request, long timeoutMs) {
    return BusRequests.request(
        vertx, LlmAddresses.WRITE_POST, request, timeoutMs, WrittenPost.class);
  }

  @Override
  public Future<GeneratedImage> drawImage(GenerateImageRequest request, long timeoutMs) {
    return BusRequests.request(
        vertx, MediaAddresses.GENERATE, request, timeoutMs, GeneratedImage.class);
  }
}
