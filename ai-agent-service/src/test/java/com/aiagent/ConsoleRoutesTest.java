package com.aiagent;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's files are served from the classpath at their own paths, open in every auth mode,
 * and everything else keeps the API's JSON answers (404 for unknown paths, 405 for known ones).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRoutesTest {
  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;

  @BeforeAll
  void start() throws Exception {
    app =
        TestApp.create(
            Map.of(
                "AUTH_MODE",
                "api_keys",
                "AUTH_OPEN_READS",
                "false",
                "API_KEYS",
                "web:0123456789abcdef0123:*"));
    await(app.start(vertx));
    client = app.client(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path) throws Exception {
    return await(client.request(method, path).send());
  }

  @Test
  void theConsoleAndItsFilesAreServedWithoutAKey() throws Exception {
    HttpResponse<Buffer> page = send(HttpMethod.GET, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.bodyAsString()).contains("assets/console.js", "assets/console.css", "한국어");

    HttpResponse<Buffer> script = send(HttpMethod.GET, "/assets/console.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.getHeader("Content-Type")).contains("javascript");
    assertThat(script.bodyAsString()).contains("v1/ai/generate-feed", "Authorization");
    assertThat(send(HttpMethod.GET, "/assets/console.css").getHeader("Content-Type"))
        .startsWith("text/css");

    HttpResponse<Buffer> font = send(HttpMethod.GET, "/fonts/NanumSquareR.ttf");
    assertThat(font.statusCode()).isEqualTo(200);
    assertThat(font.body().length()).isGreaterThan(100_000);

    HttpResponse<Buffer> head = send(HttpMethod.HEAD, "/");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isNull();
  }

  @Test
  void otherPathsKeepTheApisJsonAnswers() throws Exception {
    HttpResponse<Buffer> missing = send(HttpMethod.GET, "/assets/nope.js");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("not_found");
    assertThat(send(HttpMethod.GET, "/index.htm").statusCode()).isEqualTo(404);
    assertThat(send(HttpMethod.POST, "/nope").statusCode()).isEqualTo(404);
    assertThat(send(HttpMethod.DELETE, "/v1/feed").statusCode()).isEqualTo(405);
    assertThat(send(HttpMethod.POST, "/").statusCode()).isEqualTo(405);
    // The API itself still wants the key in this mode.
    assertThat(send(HttpMethod.GET, "/v1/feed?user_id=user_001").statusCode()).isEqualTo(401);
  }
}
