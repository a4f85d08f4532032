package com.aiagent.http;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The document at /openapi.json cannot drift from the code: every answer below, one or more per
 * operation and status the document names, is validated against it with vertx-openapi, and every
 * operation of the document is exercised.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;
  private ResponseValidator validator;
  private OpenAPIContract contract;
  private final List<String> exercised = new ArrayList<>();
  private static final String WEBP = "image/webp";
  private static final String OCTETS = "application/octet-stream";

  @BeforeAll
  void start() throws Exception {
    app = TestApp.create(Map.of("RATE_LIMIT_PER_MINUTE", "3"));
    await(app.start(vertx));
    client = app.client(vertx);
    JsonObject served = await(client.get("/openapi.json").send()).bodyAsJsonObject();
    // vertx-openapi validates bodies of a few media types only, not image/webp: the picture's
    // answer is checked as bytes (its type is asserted below), the rest as documented.
    JsonObject media =
        served
            .getJsonObject("paths")
            .getJsonObject("/v1/media/{file}")
            .getJsonObject("get")
            .getJsonObject("responses")
            .getJsonObject("200")
            .getJsonObject("content");
    media.remove(WEBP);
    media.put(OCTETS, new JsonObject());
    contract = await(OpenAPIContract.from(vertx, served));
    validator = ResponseValidator.create(vertx, contract);
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  private HttpResponse<Buffer> check(String operationId, HttpRequest<Buffer> request, Object body)
      throws Exception {
    HttpResponse<Buffer> response =
        await(
            body == null
                ? request.send()
                : body instanceof JsonObject object
                    ? request.sendJsonObject(object)
                    : request.sendBuffer(Buffer.buffer(body.toString())));
    String type = response.getHeader("Content-Type");
    ValidatableResponse answer =
        response.body() == null || response.statusCode() == 304
            ? ValidatableResponse.create(response.statusCode())
            : ValidatableResponse.create(
                response.statusCode(),
                response.body(),
                type == null ? null : WEBP.equals(type) ? OCTETS : type.split(";")[0].strip());
    await(validator.validate(answer, operationId));
    exercised.add(operationId);
    return response;
  }

  @Test
  void everyOperationAnswersAsTheDocumentSays() throws Exception {
    assertThat(check("health", client.get("/health"), null).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> feed =
        check("getFeed", client.get("/v1/feed?user_id=user_001&limit=5"), null);
    assertThat(feed.statusCode()).isEqualTo(200);
    String cursor = feed.bodyAsJsonObject().getString("next_cursor");
    check(
        "getFeed",
        client.get("/v1/feed?user_id=user_001&limit=5").addQueryParam("cursor", cursor),
        null);
    check("getFeed", client.get("/v1/feed?user_id=user_001&limit=500"), null);
    check("getFeed", client.get("/v1/feed?user_id=user_404"), null);

    JsonObject events =
        new JsonObject()
            .put(
                "events",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("event_id", "oa-1")
                            .put("user_id", "user_002")
                            .put("type", "like")
                            .put("item_id", "content_054"))
                    .add(new JsonObject().put("event_id", "oa-2").put("type", "like")));
    assertThat(check("recordEvents", client.post("/v1/events"), events).statusCode())
        .isEqualTo(202);
    check(
        "recordEvents",
        client.post("/v1/events").putHeader("Content-Type", "application/json"),
        "[]");
    check("recordEvents", client.post("/v1/events").putHeader("Content-Type", "text/plain"), "x");

    JsonObject ask = new JsonObject().put("user_id", "user_005").put("prompt", "주말 캠핑 준비물 추천");
    HttpResponse<Buffer> post = check("generateFeed", client.post("/v1/ai/generate-feed"), ask);
    assertThat(post.statusCode()).isEqualTo(200);
    check(
        "generateFeed",
        client.post("/v1/ai/generate-feed"),
        ask.copy().put("publish", true).put("generate_image", false));
    check("generateFeed", client.post("/v1/ai/generate-feed"), ask.copy().put("publish", "yes"));
    check(
        "generateFeed", client.post("/v1/ai/generate-feed"), ask.copy().put("user_id", "user_404"));
    int status = 0;
    for (int i = 0; i < 3 && status != 429; i++) {
      status =
          check(
                  "generateFeed",
                  client.post("/v1/ai/generate-feed"),
                  ask.copy().put("generate_image", false))
              .statusCode();
    }
    assertThat(status).as("the rate limit answers as documented").isEqualTo(429);

    String id = post.bodyAsJsonObject().getString("id");
    check("getPost", client.get("/v1/ai/feeds/" + id), null);
    check("getPost", client.get("/v1/ai/feeds/nope"), null);

    String url = post.bodyAsJsonObject().getString("generated_image_url");
    String path = url.substring(url.indexOf("/v1/media/"));
    HttpResponse<Buffer> picture = check("getMedia", client.get(path), null);
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(picture.getHeader("Content-Type")).isEqualTo(WEBP);
    check("getMedia", client.get(path).putHeader("If-None-Match", picture.getHeader("ETag")), null);
    check("getMedia", client.get("/v1/media/00000000-0000-4000-8000-000000000000.webp"), null);

    check("metrics", client.get("/metrics"), null);

    assertThat(exercised)
        .containsAll(contract.operations().stream().map(o -> o.getOperationId()).toList());
  }

  @Test
  void theSwaggerUiIsServedFromItsWebjar() throws Exception {
    HttpResponse<Buffer> page = await(client.get("/docs").send());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/openapi.json", "/docs/assets/swagger-ui-bundle.js");
    HttpResponse<Buffer> bundle = await(client.get("/docs/assets/swagger-ui-bundle.js").send());
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
  }
}
