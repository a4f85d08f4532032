package com.aiagent.vertex;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aiagent.TestApp;
import com.aiagent.vertex.FakeVertexServer.Behavior;
import com.aiagent.vertex.FakeVertexServer.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The service with every provider on Vertex AI, against a local server that speaks Vertex's REST
 * format: what is sent (paths, token, dimensions, batches, task types), what comes back, and the
 * fallbacks when the server fails, times out or answers nonsense.
 */
class VertexModeTest {
  private static final String TOKEN = "test-token";
  private static final String PROMPT = "오늘 기분 좋은 패션 아이템 추천해줘";

  private Vertx vertx;
  private FakeVertexServer fake;
  private TestApp app;
  private WebClient http;

  @BeforeEach
  void startFake() throws Exception {
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
    fake = await(FakeVertexServer.start(vertx, 0));
    fake.expectToken(TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      await(app.stop());
    }
    await(fake.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private void start(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("GCP_PROJECT_ID", "test-project");
    env.put("GCP_REGION", "us-central1");
    env.put("VERTEX_AI_BASE_URL", fake.baseUrl());
    env.put("VERTEX_AI_ACCESS_TOKEN", TOKEN);
    env.put("EMBEDDING_PROVIDER", "vertex");
    env.put("LLM_PROVIDER", "vertex");
    env.put("MEDIA_PROVIDER", "vertex_imagen");
    env.put("VERTEX_AI_TIMEOUT_MS", "1500");
    env.put("VERTEX_AI_EMBEDDING_TIMEOUT_MS", "1500");
    env.put("VERTEX_AI_IMAGE_TIMEOUT_MS", "1500");
    env.putAll(extra);
    app = TestApp.create(env);
    await(app.start(vertx));
  }

  private JsonObject generate() throws Exception {
    HttpResponse<Buffer> response =
        await(
            http.post(app.port(), "localhost", "/v1/ai/generate-feed")
                .sendJsonObject(new JsonObject().put("user_id", "user_001").put("prompt", PROMPT)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private List<RecordedRequest> requests(String method) {
    return fake.requests().stream().filter(r -> method.equals(r.method())).toList();
  }

  private JsonObject checks() throws Exception {
    return await(http.get(app.port(), "localhost", "/health").send())
        .bodyAsJsonObject()
        .getJsonObject("checks");
  }

  @Test
  void seedEmbedsTheCatalogInBatchesWithWhatVertexExpects() throws Exception {
    start(Map.of());
    List<RecordedRequest> embeddings = requests("predict");
    assertThat(embeddings)
        .extracting(r -> r.body().getJsonArray("instances").size())
        .containsExactly(100, 100, 100, 15);
    for (RecordedRequest r : embeddings) {
      assertThat(r.path())
          .isEqualTo(
              "/v1beta1/projects/test-project/locations/us-central1/publishers/google/models/gemini-embedding-001:predict");
      assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
      assertThat(r.body().getJsonObject("parameters").getInteger("outputDimensionality"))
          .isEqualTo(768);
      assertThat(
              r.body().getJsonArray("instances").stream()
                  .map(i -> ((JsonObject) i).getString("task_type")))
          .containsOnly("RETRIEVAL_DOCUMENT");
    }
    JsonObject embedding = checks().getJsonObject("embedding").getJsonObject("details");
    assertThat(embedding.getString("provider")).isEqualTo("vertex");
    assertThat(embedding.getString("model")).isEqualTo("gemini-embedding-001");
    assertThat(embedding.getString("breaker")).isEqualTo("CLOSED");
    float[] stored = await(app.stores.vectors().vectors(List.of("prod_001"))).get("prod_001");
    double norm = 0;
    for (float v : stored) {
      norm += v * v;
    }
    assertThat(stored).hasSize(768);
    assertThat(Math.sqrt(norm))
        .as("stored vectors are L2-normalized")
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void vertexFailingAtBootDelaysTheSeedInsteadOfFailingTheStart() throws Exception {
    fake.failNext("predict", 3, Behavior.SERVER_ERROR);
    start(
        Map.of(
            "VERTEX_AI_RETRY_ATTEMPTS", "1",
            "VERTEX_AI_BREAKER_MAX_FAILURES", "10",
            "SEED_EMBED_RETRY_INITIAL_MS", "50",
            "SEED_EMBED_RETRY_MAX_MS", "200"));
    // 3 failed tries, then the 4 batches; on a loaded machine a batch that outlives the 1.5 s
    // timeout is tried again, which is the behaviour under test too.
    assertThat(requests("predict"))
        .as("3 failed tries, then the 4 batches")
        .hasSizeGreaterThanOrEqualTo(7);
    assertThat(await(app.stores.vectors().vectors(List.of("prod_001"))).get("prod_001"))
        .hasSize(768);
  }

  @Test
  void generateFeedServesTheModelsTextAndPicture() throws Exception {
    start(Map.of());
    fake.clear();
    JsonObject post = generate();

    assertThat(post.getJsonObject("providers").getMap())
        .containsEntry("embedding", "vertex")
        .containsEntry("llm", "vertex")
        .containsEntry("media", "vertex_imagen");
    assertThat(post.getString("language")).isEqualTo("ko");
    assertThat(post.getString("image_status")).isEqualTo("generated");

    RecordedRequest query = requests("predict").get(0);
    assertThat(query.body().getJsonArray("instances").getJsonObject(0).getString("task_type"))
        .isEqualTo("RETRIEVAL_QUERY");
    assertThat(query.body().getJsonArray("instances").getJsonObject(0).getString("content"))
        .isEqualTo(PROMPT);

    List<RecordedRequest> generations = requests("generateContent");
    RecordedRequest text =
        generations.stream()
            .filter(r -> r.model().equals("gemini-3.5-flash"))
            .findFirst()
            .orElseThrow();
    JsonObject generationConfig = text.body().getJsonObject("generationConfig");
    assertThat(generationConfig.getString("responseMimeType")).isEqualTo("application/json");
    assertThat(
            generationConfig
                .getJsonObject("responseSchema")
                .getJsonObject("properties")
                .fieldNames())
        .contains(
            "title",
            "content",
            "hashtags",
            "call_to_action",
            "product_ids",
            "campaign_ids",
            "image_prompt");
    String offered = text.body().encode();
    for (Object p : post.getJsonArray("products")) {
      assertThat(offered).contains(((JsonObject) p).getString("id"));
    }
    RecordedRequest picture =
        generations.stream()
            .filter(r -> r.model().equals("gemini-3.1-flash-image"))
            .findFirst()
            .orElseThrow();
    assertThat(picture.body().getJsonObject("generationConfig").getJsonArray("responseModalities"))
        .contains("IMAGE");
    String imagePrompt =
        picture
            .body()
            .getJsonArray("contents")
            .getJsonObject(0)
            .getJsonArray("parts")
            .getJsonObject(0)
            .getString("text");
    for (Object p : post.getJsonArray("products")) {
      assertThat(imagePrompt).contains(((JsonObject) p).getString("name_en"));
    }

    String url = post.getString("generated_image_url");
    HttpResponse<Buffer> image = await(http.getAbs(url).send());
    assertThat(image.getHeader("Content-Type")).isEqualTo("image/webp");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body().getBytes()));
    assertThat(decoded).as("the model's PNG, converted to WebP").isNotNull();
  }

  @Test
  void imagenModelsUseThePredictCallAndSafetyFilteredPicturesAreNoPicture() throws Exception {
    start(Map.of("VERTEX_AI_IMAGE_MODEL", "imagen-4.0-generate-001"));
    JsonObject post = generate();
    assertThat(post.getString("generated_image_url")).endsWith(".webp");
    assertThat(
            requests("predict").stream().filter(r -> r.model().equals("imagen-4.0-generate-001")))
        .hasSize(1);

    fake.behave("predict", Behavior.SAFETY_BLOCKED);
    fake.behave("embedContent", Behavior.OK);
    JsonObject blocked = generate();
    assertThat(blocked.containsKey("generated_image_url")).isTrue();
    assertThat(blocked.getValue("generated_image_url")).isNull();
    assertThat(blocked.getString("image_status")).isEqualTo("blocked_by_safety_filter");
    assertThat(blocked.getJsonObject("providers").getString("media")).isEqualTo("vertex_imagen");
  }

  @Test
  void aBlockedGeminiPictureIsNoPictureWithItsReason() throws Exception {
    start(Map.of());
    fake.clear();
    // Text answers stay fine: only the image model's generateContent is blocked.
    fake.textOverride(null);
    fake.behave("generateContent", Behavior.SAFETY_BLOCKED);
    JsonObject post = generate();
    assertThat(post.getValue("generated_image_url")).isNull();
    assertThat(post.getString("image_status")).isEqualTo("blocked_by_safety_filter");
    assertThat(post.getJsonObject("providers").getString("llm"))
        .as("a blocked text answer falls back")
        .isEqualTo("local-fallback");
  }

  @Test
  void answersThatFailValidationAreRetriedOnceThenTheLocalWriterWrites() throws Exception {
    start(Map.of());
    fake.clear();
    fake.textOverride(
        new JsonObject()
            .put("title", "제목")
            .put("content", "목록에 없는 상품을 추천합니다")
            .put("hashtags", new JsonArray().add("#패션"))
            .put("call_to_action", "보러 가기")
            .put("product_ids", new JsonArray().add("prod_099"))
            .put("campaign_ids", new JsonArray())
            .put("image_prompt", "x")
            .encode());
    JsonObject post = generate();
    assertThat(post.getJsonObject("providers").getString("llm")).isEqualTo("local-fallback");
    assertThat(post.getJsonArray("products").stream().map(p -> ((JsonObject) p).getString("id")))
        .doesNotContain("prod_099");
    assertThat(
            requests("generateContent").stream().filter(r -> r.model().equals("gemini-3.5-flash")))
        .hasSize(2);

    fake.textOverride("this is not json {");
    assertThat(generate().getJsonObject("providers").getString("llm")).isEqualTo("local-fallback");
  }

  @Test
  void whenVertexFailsGenerateFeedStillAnswersWithTheLocalProvidersAndSaysSo() throws Exception {
    start(Map.of());
    fake.behave("predict", Behavior.RATE_LIMITED);
    fake.behave("generateContent", Behavior.SERVER_ERROR);
    long started = System.nanoTime();
    JsonObject post = generate();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(post.getJsonObject("providers").getMap())
        .containsEntry("embedding", "user-profile-fallback")
        .containsEntry("llm", "local-fallback")
        .containsEntry("media", "local-fallback");
    assertThat(post.getJsonArray("products")).isNotEmpty();
    assertThat(post.getString("generated_image_url")).endsWith(".webp");
    assertThat(
            await(http.get(app.port(), "localhost", "/v1/feed?user_id=user_001").send())
                .statusCode())
        .isEqualTo(200);
    assertThat(requests("predict").size())
        .as("429s were retried (2 attempts)")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void slowAnswersTimeOutAndTheBreakersOpen() throws Exception {
    start(Map.of("VERTEX_AI_BREAKER_MAX_FAILURES", "2", "VERTEX_AI_BREAKER_RESET_MS", "600000"));
    fake.slowMillis(5_000);
    fake.behave("generateContent", Behavior.SLOW);
    fake.behave("predict", Behavior.SLOW);
    for (int i = 0; i < 2; i++) {
      long started = System.nanoTime();
      JsonObject post = generate();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
      assertThat(post.getJsonObject("providers").getString("llm")).isEqualTo("local-fallback");
    }
    JsonObject checks = checks();
    assertThat(checks.getJsonObject("llm").getJsonObject("details").getString("breaker"))
        .isEqualTo("OPEN");
    assertThat(checks.getJsonObject("embedding").getJsonObject("details").getString("breaker"))
        .isEqualTo("OPEN");
    assertThat(checks.getJsonObject("media").getJsonObject("details").getString("breaker"))
        .isEqualTo("OPEN");
    assertThat(checks.getJsonObject("llm").getString("status"))
        .as("an open breaker is not UP")
        .isEqualTo("DEGRADED");
    assertThat(checks.getJsonObject("embedding").getString("status")).isEqualTo("DEGRADED");
    assertThat(checks.getJsonObject("media").getString("status")).isEqualTo("DEGRADED");
    assertThat(await(http.get(app.port(), "localhost", "/health").send()).statusCode())
        .as("the local fallbacks serve, so the instance stays in service")
        .isEqualTo(200);

    fake.clear();
    long started = System.nanoTime();
    JsonObject post = generate();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("open breakers fail fast")
        .isLessThan(Duration.ofSeconds(2));
    assertThat(post.getJsonObject("providers").getString("llm")).isEqualTo("local-fallback");
    assertThat(fake.requests()).as("nothing reaches Vertex while the breakers are open").isEmpty();
  }

  @Test
  void anUnknownModelIsOneLogLineNamingItsKey() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(VertexCaller.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    log.addAppender(events);
    try {
      start(Map.of("VERTEX_AI_MODEL", "gemini-2.0-flash"));
      fake.knownModels(Set.of("gemini-embedding-001", "gemini-3.1-flash-image"));
      generate();
      generate();
      List<String> lines =
          events.list.stream()
              .map(ILoggingEvent::getFormattedMessage)
              .filter(m -> m.contains("gemini-2.0-flash"))
              .toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).contains("VERTEX_AI_MODEL");
    } finally {
      log.detachAppender(events);
    }
  }

  @Test
  void vectorsOfTheWrongSizeAreAnErrorAndNeverStored() throws Exception {
    start(Map.of());
    fake.behave("predict", Behavior.MALFORMED);
    Throwable failure =
        new com.aiagent.embedding.EmbeddingClient(vertx, 5_000)
            .embed(List.of("새 상품 설명"), com.aiagent.embedding.TaskType.RETRIEVAL_DOCUMENT)
            .toCompletionStage()
            .toCompletableFuture()
            .handle((ok, error) -> error)
            .get(10, TimeUnit.SECONDS);
    assertThat(failure).hasMessageContaining("dimensions, expected 768");
    assertThat(((com.aiagent.bus.ServiceFailure) failure).code())
        .as("a dimension mismatch is the caller's conflict, not an internal error or an outage")
        .isEqualTo(com.aiagent.bus.ErrorCode.BAD_REQUEST);
    JsonObject post = generate();
    assertThat(post.getJsonObject("providers").getString("embedding"))
        .isEqualTo("user-profile-fallback");
  }
}
