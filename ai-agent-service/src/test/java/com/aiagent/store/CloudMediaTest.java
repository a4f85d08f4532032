package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MEDIA_STORE=gcs end to end: a generated picture goes to the bucket, and the service serves it at
 * the same /v1/media/{uuid}.webp as the other stores, with its ETag and a 304 for that tag.
 */
class CloudMediaTest {
  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aGeneratedPictureIsKeptInTheBucketAndServedFromIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    FakeGcsServer fake = new FakeGcsServer("ai-agent-media");
    int port = fake.start();
    TestApp app =
        TestApp.create(
            Map.of(
                "MEDIA_STORE",
                "gcs",
                "GCS_BUCKET",
                "ai-agent-media",
                "GCS_BASE_URL",
                "http://127.0.0.1:" + port,
                "GCS_ACCESS_TOKEN",
                FakeGcsServer.TOKEN));
    try {
      await(app.start(vertx));
      WebClient http = WebClient.create(vertx);
      JsonObject post =
          await(
                  http.post(app.port(), "localhost", "/v1/ai/generate-feed")
                      .sendJsonObject(
                          new JsonObject()
                              .put("user_id", "user_003")
                              .put("prompt", "running shoes")))
              .bodyAsJsonObject();
      String path = post.getString("generated_image_url").replaceFirst("^http://[^/]+", "");
      String name = path.substring("/v1/media/".length());
      assertThat(fake.objects).containsOnlyKeys(name);
      assertThat(fake.objects.get(name).contentType()).isEqualTo("image/webp");

      HttpResponse<Buffer> got = await(http.get(app.port(), "localhost", path).send());
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.getHeader("Content-Type")).isEqualTo("image/webp");
      assertThat(got.body()).isEqualTo(fake.objects.get(name).bytes());
      String etag = got.getHeader("ETag");
      assertThat(etag).isNotBlank();
      assertThat(
              await(http.get(app.port(), "localhost", path).putHeader("If-None-Match", etag).send())
                  .statusCode())
          .isEqualTo(304);
      assertThat(
              await(
                      http.get(
                              app.port(),
                              "localhost",
                              "/v1/media/3f2504e0-4f89-11d3-9a0c-0305e82c3301.webp")
                          .send())
                  .statusCode())
          .isEqualTo(404);
      try (Stream<?> files = Files.list(app.mediaDir)) {
        assertThat(files.count()).as("nothing on the instance's disk").isZero();
      }
    } finally {
      await(app.stop());
      fake.close();
      await(vertx.close());
    }
  }
}
