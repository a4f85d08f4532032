package com.aiagent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
  private static final String FASHION_PROMPT = "오늘 기분 좋은 패션 아이템 추천해줘";
  private static final String UUID_WEBP =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.webp";

  private final TestApp app = TestApp.create();
  private WebClient client;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext ctx) {
    client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(app.port()));
    app.start(vertx).onComplete(ctx.succeedingThenComplete());
  }

  @AfterAll
  void stop(VertxTestContext ctx) {
    app.stop().onComplete(ctx.succeedingThenComplete());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    return await(client.get(uri).send());
  }

  private HttpResponse<Buffer> post(String uri, String contentType, Buffer body) throws Exception {
    return await(client.post(uri).putHeader("Content-Type", contentType).sendBuffer(body));
  }

  private HttpResponse<Buffer> generate(JsonObject body) throws Exception {
    return post("/v1/ai/generate-feed", "application/json", body.toBuffer());
  }

  private static void assertError(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message"))
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private long storedPosts() throws Exception {
    return await(app.stores.posts().count());
  }

  private long mediaFiles() throws IOException {
    try (Stream<?> files = Files.list(app.mediaDir)) {
      return files.count();
    }
  }

  @Test
  void healthIsUpWithOneCheckPerModule() throws Exception {
    HttpResponse<Buffer> response = get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonObject("checks").fieldNames())
        .contains("feed", "events", "generation", "embedding", "llm", "media");
    assertThat(
            body.getJsonObject("checks")
                .getJsonObject("embedding")
                .getJsonObject("details")
                .getInteger("dimension"))
        .isEqualTo(768);
    assertThat(
            body.getJsonObject("checks")
                .getJsonObject("feed")
                .getJsonObject("details")
                .getString("feed_store"))
        .isEqualTo("MemoryFeedStore");
  }

  @Test
  void feedMixesRankedContentsWithAdsEveryFourthSlot() throws Exception {
    HttpResponse<Buffer> response = get("/v1/feed?user_id=user_001");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject page = response.bodyAsJsonObject();
    assertThat(page.getString("user_id")).isEqualTo("user_001");
    JsonArray items = page.getJsonArray("items");
    assertThat(items).hasSize(20);
    assertThat(page.getString("next_cursor")).isNotBlank();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      assertThat(item.getJsonArray("reasons")).isNotEmpty();
      assertThat(item.getString("title")).isNotBlank();
      assertThat(item.getString("body")).isNotBlank();
      assertThat(item.getValue("score")).isInstanceOf(Number.class);
      if ((i + 1) % 4 == 0) {
        assertThat(item.getString("type")).isEqualTo("ad");
        assertThat(item.getString("campaign_id")).startsWith("camp_");
        assertThat(item.getString("product_id")).startsWith("prod_");
        assertThat(item.getBoolean("sponsored")).isTrue();
        assertThat(item.getString("category")).isIn("fashion", "beauty");
      } else {
        assertThat(item.getString("type")).isEqualTo("content");
        assertThat(item.containsKey("sponsored")).isFalse();
        assertThat(item.getString("author_id")).isNotEqualTo("user_001");
      }
    }
  }

  @Test
  void followingNextCursorNeverRepeatsAnItem() throws Exception {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String uri =
          "/v1/feed?user_id=user_002&limit=7" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonObject page = get(uri).bodyAsJsonObject();
      page.getJsonArray("items").forEach(item -> ids.add(((JsonObject) item).getString("id")));
      cursor = page.getString("next_cursor");
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(cursor).isNull();
    assertThat(pages).isGreaterThan(5);
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
  }

  @Test
  void feedRefusesBadQueries() throws Exception {
    assertError(get("/v1/feed"), 400, "bad_request");
    assertError(get("/v1/feed?user_id=%20%20"), 400, "bad_request");
    assertError(get("/v1/feed?user_id=user_001&limit=0"), 400, "bad_request");
    assertError(get("/v1/feed?user_id=user_001&limit=101"), 400, "bad_request");
    assertError(get("/v1/feed?user_id=user_001&limit=ten"), 400, "bad_request");
    assertError(get("/v1/feed?user_id=user_001&cursor=not-a-cursor"), 400, "bad_request");
    assertError(get("/v1/feed?user_id=user_999"), 404, "not_found");
    assertError(get("/v1/feed?user_id=user%00001"), 400, "bad_request");
    assertError(get("/v1/feed?user_id=" + "u".repeat(65)), 400, "bad_request");
    String expired =
        new com.aiagent.feed.FeedCursor(
                5, java.time.Instant.now().minus(java.time.Duration.ofHours(2)), 20, "user_001")
            .encode();
    assertError(get("/v1/feed?user_id=user_001&cursor=" + expired), 400, "bad_request");
  }

  @Test
  void guideExampleWritesAKoreanFashionPostWithAPicture() throws Exception {
    HttpResponse<Buffer> response =
        generate(new JsonObject().put("user_id", "user_001").put("prompt", FASHION_PROMPT));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject post = response.bodyAsJsonObject();

    assertThat(post.getString("id")).isNotBlank();
    assertThat(post.getString("user_id")).isEqualTo("user_001");
    assertThat(post.getString("prompt")).isEqualTo(FASHION_PROMPT);
    assertThat(post.getString("title")).isNotBlank();
    assertThat(post.getString("call_to_action")).isNotBlank();
    assertThat(post.getJsonArray("hashtags")).isNotEmpty();
    assertThat(post.getString("created_at")).isNotBlank();
    assertThat(post.getBoolean("ai_generated")).isTrue();
    assertThat(post.getString("label")).isEqualTo("AI 생성 · AI-generated");
    JsonArray products = post.getJsonArray("products");
    assertThat(products).isNotEmpty();
    long fashion =
        products.stream()
            .filter(p -> "fashion".equals(((JsonObject) p).getString("category")))
            .count();
    assertThat(fashion * 2).as("mostly fashion: %s", products).isGreaterThan(products.size());
    for (Object p : products) {
      JsonObject product = (JsonObject) p;
      assertThat(post.getString("content")).contains(product.getString("name"));
      assertThat(product.getLong("price")).isPositive();
    }
    assertThat(post.getJsonArray("campaigns")).isNotEmpty();
    assertThat(post.getJsonObject("providers").getMap())
        .containsEntry("embedding", "local")
        .containsEntry("llm", "local")
        .containsEntry("media", "local");

    String url = post.getString("generated_image_url");
    assertThat(url).matches("http://localhost:" + app.port() + "/v1/media/" + UUID_WEBP);
    HttpResponse<Buffer> image = get(url.substring(url.indexOf("/v1/media/")));
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.getHeader("Content-Type")).isEqualTo("image/webp");
    assertThat(image.getHeader("Cache-Control")).contains("immutable").contains("max-age=31536000");
    assertThat(image.getHeader("ETag")).isNotBlank();
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body().getBytes()));
    assertThat(decoded.getWidth()).isEqualTo(app.config.media().width());

    HttpResponse<Buffer> notModified =
        await(
            client
                .get(url.substring(url.indexOf("/v1/media/")))
                .putHeader("If-None-Match", image.getHeader("ETag"))
                .send());
    assertThat(notModified.statusCode()).isEqualTo(304);

    HttpResponse<Buffer> kept = get("/v1/ai/feeds/" + post.getString("id"));
    assertThat(kept.statusCode()).isEqualTo(200);
    assertThat(kept.bodyAsJsonObject()).isEqualTo(post);
  }

  @Test
  void imageUrlsFollowTheHostButNeverAForwardedHost() throws Exception {
    JsonObject post =
        await(
                client
                    .post("/v1/ai/generate-feed")
                    .putHeader("Host", "feed.example.com")
                    .putHeader("X-Forwarded-Proto", "https")
                    .putHeader("X-Forwarded-Host", "evil.example")
                    .sendJsonObject(
                        new JsonObject().put("user_id", "user_001").put("prompt", "가방")))
            .bodyAsJsonObject();
    assertThat(post.getString("generated_image_url"))
        .startsWith("https://feed.example.com/v1/media/");
  }

  @Test
  void englishPromptGetsAnEnglishPost() throws Exception {
    JsonObject post =
        generate(
                new JsonObject()
                    .put("user_id", "user_003")
                    .put("prompt", "healthy snacks for a weekend trip")
                    .put("generate_image", false))
            .bodyAsJsonObject();
    assertThat(post.getString("language")).isEqualTo("en");
    assertThat(post.getString("content")).contains("KRW");
    assertThat(post.getValue("generated_image_url")).isNull();
    assertThat(post.getString("image_status")).isEqualTo("not_requested");
  }

  @Test
  void refusedGenerateRequestsStoreNothing() throws Exception {
    long posts = storedPosts();
    long files = mediaFiles();
    assertError(
        post("/v1/ai/generate-feed", "application/json", Buffer.buffer("{\"user_id\": ")),
        400,
        "bad_request");
    assertError(
        post("/v1/ai/generate-feed", "application/json", Buffer.buffer("[1,2]")),
        400,
        "bad_request");
    assertError(
        post("/v1/ai/generate-feed", "application/json", Buffer.buffer("")), 400, "bad_request");
    assertError(
        generate(new JsonObject().put("user_id", 5).put("prompt", "hi")), 400, "bad_request");
    assertError(generate(new JsonObject().put("prompt", "hi")), 400, "bad_request");
    assertError(
        generate(new JsonObject().put("user_id", "user_001").put("prompt", "   ")),
        400,
        "bad_request");
    assertError(
        generate(new JsonObject().put("user_id", "user_001").put("prompt", List.of("a"))),
        400,
        "bad_request");
    assertError(
        generate(
            new JsonObject()
                .put("user_id", "user_001")
                .put("prompt", "hi")
                .put("generate_image", "yes")),
        400,
        "bad_request");
    assertError(
        generate(new JsonObject().put("user_id", "user_001").put("prompt", "가".repeat(2001))),
        400,
        "bad_request");
    assertError(
        generate(new JsonObject().put("user_id", "user_404").put("prompt", "hi")),
        404,
        "not_found");
    assertError(
        post(
            "/v1/ai/generate-feed",
            "application/json",
            new JsonObject()
                .put("user_id", "user_001")
                .put("prompt", "x".repeat(70_000))
                .toBuffer()),
        413,
        "payload_too_large");
    assertError(
        post("/v1/ai/generate-feed", "text/plain", Buffer.buffer("{}")),
        415,
        "unsupported_media_type");
    assertThat(storedPosts()).isEqualTo(posts);
    assertThat(mediaFiles()).isEqualTo(files);

    assertThat(
            generate(new JsonObject().put("user_id", "user_001").put("prompt", "가".repeat(2000)))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownRoutesMethodsAndPostsAreJsonErrors() throws Exception {
    assertError(get("/v1/nothing"), 404, "not_found");
    assertError(
        await(client.request(HttpMethod.DELETE, "/v1/feed?user_id=user_001").send()),
        405,
        "method_not_allowed");
    assertError(get("/v1/ai/feeds/does-not-exist"), 404, "not_found");
  }

  @Test
  void mediaServesOnlyUuidWebpNamesFromTheMediaFolder() throws Exception {
    Files.writeString(app.mediaDir.getParent().resolve("secret.webp"), "secret");
    for (String path :
        List.of(
            "/v1/media/secret.webp",
            "/v1/media/..%2Fsecret.webp",
            "/v1/media/%2E%2E%2Fsecret.webp",
            "/v1/media/3F2504E0-4F89-11D3-9A0C-0305E82C3301.webp",
            "/v1/media/3f2504e0-4f89-11d3-9a0c-0305e82c3301.png",
            "/v1/media/3f2504e0-4f89-11d3-9a0c-0305e82c3301.webp")) {
      HttpResponse<Buffer> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.bodyAsString()).doesNotContain("secret\"").isNotEqualTo("secret");
      assertThat(response.getHeader("Cache-Control")).as("a 404 is never cached").isNull();
    }
  }

  @Test
  void concurrentGenerationsEachGetTheirOwnPicture() throws Exception {
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(
          client
              .post("/v1/ai/generate-feed")
              .sendJsonObject(
                  new JsonObject().put("user_id", "user_00" + (i + 1)).put("prompt", "캠핑 여행 준비물")));
    }
    Set<String> urls = new HashSet<>();
    for (Future<HttpResponse<Buffer>> call : calls) {
      HttpResponse<Buffer> response = await(call);
      assertThat(response.statusCode()).isEqualTo(200);
      urls.add(response.bodyAsJsonObject().getString("generated_image_url"));
    }
    assertThat(urls).hasSize(8);
  }
}
