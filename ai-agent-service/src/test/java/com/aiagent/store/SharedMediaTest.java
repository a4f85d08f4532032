package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cloud Run is stateless: with MEDIA_STORE=postgres any instance serves any instance's picture. */
@Tag("services")
class SharedMediaTest {
  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aPictureDrawnByOneInstanceIsServedByAnother() throws Exception {
    try (PgTestDatabase db = new PgTestDatabase()) {
      Map<String, String> env = new HashMap<>(db.env());
      env.put("MEDIA_STORE", "postgres");
      Vertx first = Vertx.vertx();
      Vertx second = Vertx.vertx();
      TestApp a = TestApp.create(env);
      TestApp b = TestApp.create(env);
      try {
        await(a.start(first));
        await(b.start(second));
        WebClient http = WebClient.create(first);
        JsonObject post =
            await(
                    http.post(a.port(), "localhost", "/v1/ai/generate-feed")
                        .sendJsonObject(
                            new JsonObject().put("user_id", "user_002").put("prompt", "수분 크림 추천")))
                .bodyAsJsonObject();
        String path = post.getString("generated_image_url").replaceFirst("^http://[^/]+", "");

        HttpResponse<Buffer> fromA = await(http.get(a.port(), "localhost", path).send());
        HttpResponse<Buffer> fromB = await(http.get(b.port(), "localhost", path).send());
        assertThat(fromB.statusCode()).isEqualTo(200);
        assertThat(fromB.getHeader("Content-Type")).isEqualTo("image/webp");
        assertThat(fromB.body()).isEqualTo(fromA.body());
        assertThat(db.count("SELECT count(*) FROM media")).isEqualTo(1);
        try (Stream<?> files = Files.list(a.mediaDir)) {
          assertThat(files.count()).as("nothing on the instance's disk").isZero();
        }
        assertThat(
                await(
                        http.get(
                                b.port(),
                                "localhost",
                                "/v1/media/3f2504e0-4f89-11d3-9a0c-0305e82c3301.webp")
                            .send())
                    .statusCode())
            .isEqualTo(404);
      } finally {
        Future.join(a.stop(), b.stop())
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        first.close();
        second.close();
      }
    }
  }
}
