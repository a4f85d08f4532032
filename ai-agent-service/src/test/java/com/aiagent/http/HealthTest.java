package com.aiagent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthTest {
  @Test
  void healthIsDownWith503WhenARequiredDependencyIsDown(Vertx vertx, VertxTestContext ctx) {
    TestApp app = TestApp.create();
    WebClient client = WebClient.create(vertx);
    app.start(vertx)
        .compose(
            v -> {
              try {
                Files.delete(app.mediaDir);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return client.get(app.port(), "localhost", "/health").send();
            })
        .onComplete(
            ctx.succeeding(
                response ->
                    ctx.verify(
                        () -> {
                          assertThat(response.statusCode()).isEqualTo(503);
                          JsonObject body = response.bodyAsJsonObject();
                          assertThat(body.getString("status")).isEqualTo("DOWN");
                          JsonObject checks = body.getJsonObject("checks");
                          assertThat(checks.getJsonObject("media").getString("status"))
                              .isEqualTo("DOWN");
                          assertThat(checks.getJsonObject("feed").getString("status"))
                              .isEqualTo("UP");
                          app.stop().onComplete(ctx.succeedingThenComplete());
                        })));
  }
}
