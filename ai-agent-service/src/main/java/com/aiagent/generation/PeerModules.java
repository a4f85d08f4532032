package com.aiagent.generation;

import com.aiagent.embedding.EmbedResult;
import com.aiagent.llm.WritePostRequest;
import com.aiagent.llm.WrittenPost;
import com.aiagent.media.GenerateImageRequest;
import com.aiagent.media.GeneratedImage;
import io.vertx.core.Future;

/**
 * The modules the pipeline calls, each with the time the request's budget leaves it: over the bus
 * in the service, plain functions in unit tests.
 */
interface PeerModules {
  Future<EmbedResult> embedQuery(String prompt, long timeoutMs);

  Future<WrittenPost> writePost(WritePostRequest request, long timeoutMs);

  Future<GeneratedImage> drawImage(GenerateImageRequest request, long timeoutMs);
}
