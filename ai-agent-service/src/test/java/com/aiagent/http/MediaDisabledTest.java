package com.aiagent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MediaDisabledTest {
  @Test
  void mediaProviderNoneTurnsPicturesOff(Vertx vertx, VertxTestContext ctx) {
    TestApp app = TestApp.create(Map.of("MEDIA_PROVIDER", "none"));
    WebClient client = WebClient.create(vertx);
    app.start(vertx)
        .compose(
            v ->
                client
                    .post(app.port(), "localhost", "/v1/ai/generate-feed")
                    .sendJsonObject(
                        new JsonObject().put("user_id", "user_001").put("prompt", "패션 아이템")))
        .onComplete(
            ctx.succeeding(
                response ->
                    ctx.verify(
                        () -> {
                          JsonObject post = response.bodyAsJsonObject();
                          assertThat(response.statusCode()).isEqualTo(200);
                          assertThat(post.containsKey("generated_image_url")).isTrue();
                          assertThat(post.getValue("generated_image_url")).isNull();
                          assertThat(post.getString("image_status")).isEqualTo("disabled");
                          assertThat(post.getJsonObject("providers").getString("media"))
                              .isEqualTo("none");
                          try (var files = Files.list(app.mediaDir)) {
                            assertThat(files.count()).isZero();
                          }
                          app.stop().onComplete(ctx.succeedingThenComplete());
                        })));
  }
}
