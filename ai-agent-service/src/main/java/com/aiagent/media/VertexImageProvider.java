package com.aiagent.media;

import com.aiagent.vertex.VertexCaller;
import com.google.genai.types.Blob;
import com.google.genai.types.Candidate;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateImagesConfig;
import com.google.genai.types.GenerateImagesResponse;
import com.google.genai.types.Image;
import com.google.genai.types.Part;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Pictures from a Vertex AI image model: Imagen ({@code generateImages}) for model names starting
 * with {@code imagen-}, else a Gemini image model ({@code generateContent} answering an image
 * part). Both return PNG or JPEG, converted to WebP here. A safety-filtered or empty answer is no
 * picture, with its reason; anything else that goes wrong fails the future.
 */
final class VertexImageProvider implements ImageProvider {
  static final String PROVIDER = "vertex_imagen";
  static final String BLOCKED = "blocked_by_safety_filter";
  static final String EMPTY = "no_image_returned";

  private final VertexCaller vertex;
  private final WorkerExecutor pool;
  private final WebpEncoder encoder;

  VertexImageProvider(VertexCaller vertex, WorkerExecutor pool, WebpEncoder encoder) {
    this.vertex = vertex;
    this.pool = pool;
    this.encoder = encoder;
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
  public Future<Drawn> draw(GenerateImageRequest request) {
    Future<Answer> answer =
        vertex.model().startsWith("imagen-")
            ? imagen(request.imagePrompt())
            : gemini(request.imagePrompt());
    return answer.compose(
        a ->
            a.bytes() == null
                ? Future.succeededFuture(new Drawn(null, a.status(), PROVIDER))
                : pool.executeBlocking(
                    () ->
                        new Drawn(
                            encoder.encode(decode(a.bytes())), GeneratedImage.GENERATED, PROVIDER),
                    false));
  }

  /** The model's image bytes, or none and why. */
  private record Answer(byte[] bytes, String status) {}

  private Future<Answer> imagen(String prompt) {
    GenerateImagesConfig config =
        GenerateImagesConfig.builder()
            .numberOfImages(1)
            .outputMimeType("image/png")
            .includeRaiReason(true)
            .build();
    return vertex
        .call(client -> client.async.models.generateImages(vertex.model(), prompt, config))
        .map(VertexImageProvider::fromImagen);
  }

  private static Answer fromImagen(GenerateImagesResponse response) {
    List<com.google.genai.types.GeneratedImage> images =
        response.generatedImages().orElse(List.of());
    if (images.isEmpty()) {
      return new Answer(null, BLOCKED);
    }
    com.google.genai.types.GeneratedImage first = images.get(0);
    Optional<byte[]> bytes = first.image().flatMap(Image::imageBytes).filter(b -> b.length > 0);
    if (bytes.isPresent()) {
      return new Answer(bytes.get(), GeneratedImage.GENERATED);
    }
    return new Answer(null, first.raiFilteredReason().isPresent() ? BLOCKED : EMPTY);
  }

  private Future<Answer> gemini(String prompt) {
    GenerateContentConfig config =
        GenerateContentConfig.builder().responseModalities("IMAGE").build();
    return vertex
        .call(client -> client.async.models.generateContent(vertex.model(), prompt, config))
        .map(VertexImageProvider::fromGemini);
  }

  private static Answer fromGemini(GenerateContentResponse response) {
    List<Candidate> candidates = response.candidates().orElse(List.of());
    Optional<byte[]> bytes =
        candidates.stream()
            .flatMap(
                c -> c.content().flatMap(content -> content.parts()).orElse(List.of()).stream())
            .map(Part::inlineData)
            .flatMap(Optional::stream)
            .map(Blob::data)
            .flatMap(Optional::stream)
            .filter(b -> b.length > 0)
            .findFirst();
    if (bytes.isPresent()) {
      return new Answer(bytes.get(), GeneratedImage.GENERATED);
    }
    boolean filtered =
        response.promptFeedback().isPresent()
            || candidates.stream()
                .map(c -> c.finishReason().map(Object::toString).orElse(""))
                .anyMatch(
                    reason ->
                        reason.contains("SAFETY")
                            || reason.contains("PROHIBITED")
                            || reason.contains("BLOCK"));
    return new Answer(null, filtered ? BLOCKED : EMPTY);
  }

  private static BufferedImage decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("the image model's bytes are not a PNG or JPEG picture");
    }
    return image;
  }
}
