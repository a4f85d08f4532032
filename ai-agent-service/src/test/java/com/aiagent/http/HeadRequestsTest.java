package com.aiagent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** HEAD answers what GET would, headers and status, with no body: uptime checkers send HEAD. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadRequestsTest {
  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;

  @BeforeAll
  void start() throws Exception {
    app = TestApp.create();
    await(app.start(vertx));
    client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(app.port()));
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  private HttpResponse<Buffer> head(String uri) throws Exception {
    return await(client.request(HttpMethod.HEAD, uri).send());
  }

  @Test
  void healthFeedPostsAndPicturesAnswerHead() throws Exception {
    HttpResponse<Buffer> health = head("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.getHeader("Content-Type")).startsWith("application/json");
    assertThat(health.body()).isNull();

    HttpResponse<Buffer> feed = head("/v1/feed?user_id=user_001");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).isNull();
    assertThat(head("/v1/feed?user_id=user_404").statusCode()).isEqualTo(404);

    JsonObject post =
        await(
                client
                    .post("/v1/ai/generate-feed")
                    .sendJsonObject(
                        new JsonObject().put("user_id", "user_001").put("prompt", "가방 추천해줘")))
            .bodyAsJsonObject();
    assertThat(head("/v1/ai/feeds/" + post.getString("id")).statusCode()).isEqualTo(200);
    String url = post.getString("generated_image_url");
    HttpResponse<Buffer> picture = head(url.substring(url.indexOf("/v1/media/")));
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(picture.getHeader("Content-Type")).isEqualTo("image/webp");
    assertThat(Long.parseLong(picture.getHeader("Content-Length"))).isPositive();
    assertThat(picture.body()).isNull();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
