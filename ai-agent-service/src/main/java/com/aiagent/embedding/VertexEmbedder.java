package com.aiagent.embedding;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.store.VectorMath;
import com.aiagent.vertex.VertexCaller;
import com.google.genai.types.ContentEmbedding;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Vertex AI embeddings through the Gen AI SDK: one request per batch, {@code outputDimensionality}
 * set to the configured dimension and the vectors L2-normalized here (Vertex only normalizes its
 * full-size output). A vector of another size is refused as a bad request (the model and {@code
 * embedding.dimension} disagree), a count that does not match as unavailable; either way nothing of
 * the batch is used.
 */
final class VertexEmbedder implements Embedder {
  private final VertexCaller vertex;
  private final int dimension;

  VertexEmbedder(VertexCaller vertex, int dimension) {
    this.vertex = vertex;
    this.dimension = dimension;
  }

  @Override
  public String provider() {
    return "vertex";
  }

  @Override
  public String model() {
    return vertex.model();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String breakerState() {
    return vertex.breakerState();
  }

  @Override
  public void close() {
    vertex.close();
  }

  @Override
  public Future<List<float[]>> embed(List<String> texts, TaskType task) {
    EmbedContentConfig config =
        EmbedContentConfig.builder().outputDimensionality(dimension).taskType(task.name()).build();
    return vertex
        .call(client -> client.async.models.embedContent(vertex.model(), texts, config))
        .recover(
            error ->
                Future.failedFuture(
                    new ServiceFailure(
                        ErrorCode.UNAVAILABLE,
                        "Vertex AI embeddings failed: " + VertexCaller.describe(error))))
        .map(response -> vectors(response, texts.size()));
  }

  private List<float[]> vectors(EmbedContentResponse response, int expected) {
    List<ContentEmbedding> embeddings = response.embeddings().orElse(List.of());
    if (embeddings.size() != expected) {
      throw new ServiceFailure(
          ErrorCode.UNAVAILABLE,
          "Vertex AI returned " + embeddings.size() + " embeddings for " + expected + " texts");
    }
    List<float[]> vectors = new ArrayList<>(expected);
    for (ContentEmbedding embedding : embeddings) {
      List<Float> values = embedding.values().orElse(List.of());
      if (values.size() != dimension) {
        // The configured model and embedding.dimension disagree: a conflict no retry fixes.
        throw ServiceFailure.badRequest(
            "refusing to mix vector dimensions: "
                + vertex.model()
                + " returned a vector of "
                + values.size()
                + " dimensions, expected "
                + dimension
                + " (embedding.dimension); nothing was stored");
      }
      float[] vector = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        vector[i] = values.get(i);
      }
      vectors.add(VectorMath.normalized(vector));
    }
    return vectors;
  }
}
