package com.aiagent.http;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** If-None-Match as RFC 9110 13.1.2 has it: lists, weak tags and "*" (only for what exists). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalMediaTest {
  private static final String MISSING = "/v1/media/00000000-0000-4000-8000-000000000000.webp";

  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;
  private String path;
  private String etag;

  @BeforeAll
  void start() throws Exception {
    app = TestApp.create();
    await(app.start(vertx));
    client = app.client(vertx);
    JsonObject post =
        await(
                client
                    .post("/v1/ai/generate-feed")
                    .sendJsonObject(
                        new JsonObject().put("user_id", "user_001").put("prompt", "가을 니트 추천")))
            .bodyAsJsonObject();
    String url = post.getString("generated_image_url");
    path = url.substring(url.indexOf("/v1/media/"));
    etag = await(client.get(path).send()).getHeader("ETag");
    assertThat(etag).isNotBlank();
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  private int status(String uri, String ifNoneMatch) throws Exception {
    HttpResponse<Buffer> response =
        await(client.get(uri).putHeader("If-None-Match", ifNoneMatch).send());
    return response.statusCode();
  }

  @Test
  void aListAWeakTagOrStarMatchesAPictureThatExists() throws Exception {
    assertThat(status(path, etag)).isEqualTo(304);
    assertThat(status(path, "\"other\", " + etag)).isEqualTo(304);
    assertThat(status(path, "W/" + etag)).isEqualTo(304);
    assertThat(status(path, "*")).isEqualTo(304);
    assertThat(status(path, "\"other\"")).isEqualTo(200);
    assertThat(status(MISSING, "*")).as("* claims nothing that does not exist").isEqualTo(404);
  }

  @Test
  void namesTagComparesWeakly() {
    assertThat(MediaRoutes.namesTag(null, "\"a\"")).isFalse();
    assertThat(MediaRoutes.namesTag("W/\"a\"", "\"a\"")).isTrue();
    assertThat(MediaRoutes.namesTag("\"b\",W/\"a\"", "\"a\"")).isTrue();
    assertThat(MediaRoutes.namesTag("\"ab\"", "\"a\"")).isFalse();
    assertThat(MediaRoutes.namesTag("*", "\"a\"")).isFalse();
  }
}
