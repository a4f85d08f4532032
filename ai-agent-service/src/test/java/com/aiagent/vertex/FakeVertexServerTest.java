package com.aiagent.vertex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.vertex.FakeVertexServer.Behavior;
import com.aiagent.vertex.FakeVertexServer.RecordedRequest;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.errors.ServerException;
import com.google.genai.types.ContentEmbedding;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateImagesConfig;
import com.google.genai.types.GenerateImagesResponse;
import com.google.genai.types.GeneratedImage;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Image;
import com.google.genai.types.Part;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls the fake with the real Google Gen AI SDK, so the fake's wire format is the SDK's. */
class FakeVertexServerTest {
  private static final String TEXT_MODEL = "gemini-3.5-flash";
  private static final String EMBEDDING_MODEL = "gemini-embedding-001";
  private static final String IMAGEN_MODEL = "imagen-4.0-generate-001";
  private static final String GEMINI_IMAGE_MODEL = "gemini-3.1-flash-image";

  private static Vertx vertx;
  private static FakeVertexServer server;
  private static Client client;

  @BeforeAll
  static void startServer() throws Exception {
    vertx = Vertx.vertx();
    server = await(FakeVertexServer.start(vertx, 0));
    client = client("test-token", HttpOptions.builder());
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    await(server.close());
    await(vertx.close());
  }

  @BeforeEach
  void resetServer() {
    server.reset();
    server.clear();
    server.expectToken(null);
    server.knownModels(null);
    server.textOverride(null);
  }

  @Test
  void embedsAListOfTextsInOnePredictCall() {
    List<String> texts = List.of("linen shirt for summer", "여름 린넨 셔츠");
    EmbedContentResponse response =
        client.models.embedContent(EMBEDDING_MODEL, texts, embedConfig(768));

    List<ContentEmbedding> embeddings = response.embeddings().orElseThrow();
    assertThat(embeddings).hasSize(2);
    assertThat(embeddings)
        .allSatisfy(embedding -> assertThat(embedding.values().orElseThrow()).hasSize(768));
    assertThat(norm(embeddings.get(0).values().orElseThrow()))
        .as("like Vertex, 768-dim outputs are not normalized")
        .isGreaterThan(2.0);

    RecordedRequest request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("predict");
    assertThat(request.model()).isEqualTo(EMBEDDING_MODEL);
    assertThat(request.project()).isEqualTo("test-project");
    assertThat(request.location()).isEqualTo("us-central1");
    assertThat(request.authorization()).isEqualTo("Bearer test-token");
    assertThat(request.body().getJsonObject("parameters").getInteger("outputDimensionality"))
        .isEqualTo(768);
    JsonArray instances = request.body().getJsonArray("instances");
    assertThat(instances).hasSize(2);
    assertThat(instances.getJsonObject(0).getString("content")).isEqualTo(texts.get(0));
    assertThat(instances.getJsonObject(1).getString("task_type")).isEqualTo("RETRIEVAL_DOCUMENT");
  }

  @Test
  void embeddingsAreDeterministicAndSharedWordsMakeTextsSimilar() {
    List<String> texts =
        List.of("red linen shirt", "red linen shirt", "red linen dress", "garden hose reel");
    List<ContentEmbedding> embeddings =
        client.models.embedContent(EMBEDDING_MODEL, texts, embedConfig(768)).embeddings().get();

    List<Float> shirt = embeddings.get(0).values().get();
    assertThat(embeddings.get(1).values().get()).isEqualTo(shirt);
    assertThat(cosine(shirt, embeddings.get(2).values().get()))
        .isGreaterThan(cosine(shirt, embeddings.get(3).values().get()) + 0.3);
  }

  @Test
  void embeddingsDefaultTo3072Dimensions() {
    EmbedContentResponse response =
        client.models.embedContent(
            EMBEDDING_MODEL, "linen shirt", EmbedContentConfig.builder().build());

    assertThat(response.embeddings().get().get(0).values().get()).hasSize(3072);
  }

  @Test
  void otherGeminiEmbeddingModelsUseEmbedContent() {
    EmbedContentResponse response =
        client.models.embedContent("gemini-embedding-2", "linen shirt", embedConfig(768));

    assertThat(response.embeddings().get()).hasSize(1);
    assertThat(response.embeddings().get().get(0).values().get()).hasSize(768);
    RecordedRequest request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("embedContent");
    assertThat(request.body().getJsonObject("content").getJsonArray("parts").getJsonObject(0))
        .isEqualTo(new JsonObject().put("text", "linen shirt"));
    assertThat(request.body().getJsonObject("embedContentConfig"))
        .isEqualTo(
            new JsonObject()
                .put("taskType", "RETRIEVAL_DOCUMENT")
                .put("outputDimensionality", 768));
  }

  @Test
  void writesAKoreanJsonPostFromTheOfferedIds() {
    String prompt =
        String.join(
            "\n",
            "Products: prod_001 린넨 셔츠, prod_002 밀짚 모자. Campaign: camp_003.",
            "이 상품들로 광고 게시물을 써 주세요.");
    GenerateContentConfig config =
        GenerateContentConfig.builder().responseMimeType("application/json").build();

    GenerateContentResponse response = client.models.generateContent(TEXT_MODEL, prompt, config);

    JsonObject post = new JsonObject(response.text());
    assertThat(post.getJsonArray("product_ids").getList())
        .isNotEmpty()
        .isSubsetOf("prod_001", "prod_002");
    assertThat(post.getJsonArray("campaign_ids").getList()).containsExactly("camp_003");
    assertThat(hangulShare(post.getString("content"))).isGreaterThan(0.5);
    assertThat(post.getString("title")).isNotBlank();
    assertThat(post.getJsonArray("hashtags")).isNotEmpty();
    assertThat(post.getString("call_to_action")).isNotBlank();
    assertThat(post.getString("image_prompt")).isNotBlank();
    RecordedRequest request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("generateContent");
    assertThat(request.body().getJsonObject("generationConfig").getString("responseMimeType"))
        .isEqualTo("application/json");
  }

  @Test
  void writesEnglishForAnEnglishPromptAndHonoursTheTextOverride() {
    GenerateContentConfig config =
        GenerateContentConfig.builder().responseMimeType("application/json").build();

    JsonObject post =
        new JsonObject(
            client.models.generateContent(TEXT_MODEL, "Write about prod_007", config).text());
    assertThat(post.getString("content")).matches("[ -~]+");
    assertThat(post.getJsonArray("product_ids").getList()).containsExactly("prod_007");

    server.textOverride("{\"product_ids\":[\"prod_999\"]}");
    assertThat(client.models.generateContent(TEXT_MODEL, "Write about prod_007", config).text())
        .isEqualTo("{\"product_ids\":[\"prod_999\"]}");
  }

  @Test
  void generatesAnImagenPicture() throws Exception {
    GenerateImagesResponse response =
        client.models.generateImages(
            IMAGEN_MODEL,
            "a linen shirt on a beach",
            GenerateImagesConfig.builder().numberOfImages(1).build());

    byte[] bytes = response.generatedImages().get().get(0).image().get().imageBytes().get();
    assertThat(decode(bytes)).isNotNull();
    RecordedRequest request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("predict");
    assertThat(request.body().getJsonArray("instances").getJsonObject(0).getString("prompt"))
        .isEqualTo("a linen shirt on a beach");
  }

  @Test
  void generatesAGeminiImage() throws Exception {
    GenerateContentConfig config =
        GenerateContentConfig.builder().responseModalities("IMAGE").build();

    GenerateContentResponse response =
        client.models.generateContent(GEMINI_IMAGE_MODEL, "a straw hat", config);

    Part part = response.parts().get(0);
    assertThat(part.inlineData().get().mimeType()).contains("image/png");
    assertThat(decode(part.inlineData().get().data().get())).isNotNull();
  }

  @Test
  void rateLimitingIsAClientException429() {
    server.behave("generateContent", Behavior.RATE_LIMITED);

    assertThatThrownBy(() -> client.models.generateContent(TEXT_MODEL, "hi", null))
        .isInstanceOfSatisfying(
            ClientException.class,
            e -> {
              assertThat(e.code()).isEqualTo(429);
              assertThat(e.status()).isEqualTo("RESOURCE_EXHAUSTED");
            });
    assertThat(server.requests()).as("attempts(1) means no retry").hasSize(1);
  }

  @Test
  void theAsyncApiWrapsTheSameExceptionInAnExecutionException() {
    server.behave("generateContent", Behavior.RATE_LIMITED);

    assertThatThrownBy(() -> client.async.models.generateContent(TEXT_MODEL, "hi", null).get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo(429));
  }

  @Test
  void serverErrorIsAServerException500() {
    server.behave("predict", Behavior.SERVER_ERROR);

    assertThatThrownBy(() -> client.models.embedContent(EMBEDDING_MODEL, "hi", embedConfig(768)))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.code()).isEqualTo(500));
  }

  @Test
  void aRetiredModelIsAClientException404() {
    server.knownModels(Set.of(EMBEDDING_MODEL));

    assertThatThrownBy(
            () -> client.models.embedContent("text-embedding-004", "hi", embedConfig(768)))
        .isInstanceOfSatisfying(
            ClientException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.status()).isEqualTo("NOT_FOUND");
              assertThat(e.message()).contains("text-embedding-004");
            });
  }

  @Test
  void theSdkRetriesAFailureWhenAllowedTo() {
    server.failNext("predict", 1, Behavior.SERVER_ERROR);
    HttpOptions.Builder twoAttempts =
        HttpOptions.builder()
            .retryOptions(HttpRetryOptions.builder().attempts(2).initialDelay(0.05).build());

    try (Client retrying = client("test-token", twoAttempts)) {
      EmbedContentResponse response =
          retrying.models.embedContent(EMBEDDING_MODEL, "hi", embedConfig(768));
      assertThat(response.embeddings().get()).hasSize(1);
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(client.models.embedContent(EMBEDDING_MODEL, "hi", embedConfig(768)).embeddings())
        .as("the failure was used up")
        .isPresent();
  }

  @Test
  void aSafetyFilteredImagenPictureIsAnEmptyImageWithARaiFilteredReason() {
    server.behave("predict", Behavior.SAFETY_BLOCKED);

    GenerateImagesResponse response =
        client.models.generateImages(
            IMAGEN_MODEL, "something unsafe", GenerateImagesConfig.builder().build());

    // The SDK keeps the filtered prediction: an Image whose fields are all empty.
    List<GeneratedImage> images = response.generatedImages().orElseThrow();
    assertThat(images).hasSize(1);
    assertThat(images.get(0).image().flatMap(Image::imageBytes)).isEmpty();
    assertThat(images.get(0).raiFilteredReason()).get().asString().contains("safety filter");
    assertThat(response.images())
        .singleElement()
        .satisfies(image -> assertThat(image.imageBytes()).isEmpty());
  }

  @Test
  void aSafetyBlockedTextAnswerThrowsFromTextAndParts() {
    server.behave("generateContent", Behavior.SAFETY_BLOCKED);

    GenerateContentResponse response = client.models.generateContent(TEXT_MODEL, "hi", null);

    assertThat(response.finishReason().knownEnum()).isEqualTo(FinishReason.Known.SAFETY);
    assertThatThrownBy(response::text)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The response finished unexpectedly with reason SAFETY.");
    assertThatThrownBy(response::parts).isInstanceOf(IllegalArgumentException.class);
    assertThat(response.candidates().get().get(0).content().get().parts().get()).isEmpty();
  }

  @Test
  void aSafetyBlockedGeminiImageFinishesWithImageSafety() {
    server.behave("generateContent", Behavior.SAFETY_BLOCKED);
    GenerateContentConfig config =
        GenerateContentConfig.builder().responseModalities("IMAGE").build();

    GenerateContentResponse response =
        client.models.generateContent(GEMINI_IMAGE_MODEL, "something unsafe", config);

    assertThat(response.finishReason().knownEnum()).isEqualTo(FinishReason.Known.IMAGE_SAFETY);
    assertThatThrownBy(response::parts)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IMAGE_SAFETY");
  }

  @Test
  void malformedAnswersKeepTheEnvelope() throws Exception {
    server.behave("generateContent", Behavior.MALFORMED);
    server.behave("predict", Behavior.MALFORMED);

    assertThat(client.models.generateContent(TEXT_MODEL, "hi", null).text())
        .isEqualTo("this is not json {");
    assertThat(
            client
                .models
                .embedContent(EMBEDDING_MODEL, "hi", embedConfig(768))
                .embeddings()
                .get()
                .get(0)
                .values()
                .get())
        .hasSize(3);
    GenerateImagesResponse images =
        client.models.generateImages(IMAGEN_MODEL, "hat", GenerateImagesConfig.builder().build());
    byte[] bytes = images.images().get(0).imageBytes().orElseThrow();
    assertThat(decode(bytes)).as("bytes that are not an image").isNull();
  }

  @Test
  void aWrongTokenIsAClientException401() {
    server.expectToken("the-right-token");

    assertThatThrownBy(() -> client.models.generateContent(TEXT_MODEL, "hi", null))
        .isInstanceOfSatisfying(
            ClientException.class,
            e -> {
              assertThat(e.code()).isEqualTo(401);
              assertThat(e.status()).isEqualTo("UNAUTHENTICATED");
            });
  }

  @Test
  void aSlowAnswerRunsIntoTheSdkTimeoutAsAnIoException() {
    server.behave("generateContent", Behavior.SLOW);
    server.slowMillis(1000);

    try (Client impatient = client("test-token", HttpOptions.builder().timeout(200))) {
      assertThatThrownBy(() -> impatient.models.generateContent(TEXT_MODEL, "hi", null))
          .isInstanceOf(GenAiIOException.class);
    }
  }

  @Test
  void acceptsV1PathsAndAnswersUnknownPathsWithAVertexError() throws Exception {
    String v1 =
        "/v1/projects/p/locations/l/publishers/google/models/" + TEXT_MODEL + ":generateContent";
    HttpResponse<String> ok = post(v1, "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}");
    assertThat(ok.statusCode()).isEqualTo(200);

    HttpResponse<String> missing = post("/v2/nowhere", "{}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(missing.body()).getJsonObject("error").getString("status"))
        .isEqualTo("NOT_FOUND");
    assertThat(server.requests())
        .extracting(RecordedRequest::path)
        .containsExactly(v1, "/v2/nowhere");
  }

  private static Client client(String token, HttpOptions.Builder httpOptions) {
    HttpOptions options = httpOptions.baseUrl(server.baseUrl()).build();
    if (options.retryOptions().isEmpty()) {
      options =
          options.toBuilder().retryOptions(HttpRetryOptions.builder().attempts(1).build()).build();
    }
    return Client.builder()
        .vertexAI(true)
        .project("test-project")
        .location("us-central1")
        .credentials(GoogleCredentials.create(new AccessToken(token, null)))
        .httpOptions(options)
        .build();
  }

  private static EmbedContentConfig embedConfig(int dimensions) {
    return EmbedContentConfig.builder()
        .outputDimensionality(dimensions)
        .taskType("RETRIEVAL_DOCUMENT")
        .build();
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static BufferedImage decode(byte[] bytes) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  private static double norm(List<Float> vector) {
    return Math.sqrt(dot(vector, vector));
  }

  private static double cosine(List<Float> a, List<Float> b) {
    return dot(a, b) / (norm(a) * norm(b));
  }

  private static double dot(List<Float> a, List<Float> b) {
    double dot = 0;
    for (int i = 0; i < a.size(); i++) {
      dot += a.get(i) * b.get(i);
    }
    return dot;
  }

  private static double hangulShare(String text) {
    long letters = text.codePoints().filter(Character::isLetter).count();
    long hangul = text.codePoints().filter(c -> c >= 0xAC00 && c <= 0xD7A3).count();
    return (double) hangul / letters;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
