package com.aiagent.http;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.TestApp;
import com.aiagent.config.ConfigException;
import com.aiagent.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The secure modes: writes need a caller, a caller acts only for its users, reads are closed unless
 * configured open, the rate limit counts per caller, and a refused request stores nothing.
 */
class CallerAuthTest {
  private static final String WEB_KEY = "web-0123456789abcdef";
  private static final String CRM_KEY = "crm-0123456789abcdef";

  private static JsonObject post(String userId) {
    return new JsonObject()
        .put("user_id", userId)
        .put("prompt", "비 오는 날 출근룩 추천해줘")
        .put("generate_image", false);
  }

  private static JsonObject event(String id, String userId) {
    return new JsonObject()
        .put(
            "events",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("event_id", id)
                        .put("user_id", userId)
                        .put("type", "like")
                        .put("item_id", "content_054")));
  }

  abstract static class Running {
    final Vertx vertx = Vertx.vertx();
    TestApp app;
    WebClient client;

    abstract Map<String, String> env();

    @BeforeAll
    void start() throws Exception {
      app = TestApp.create(env());
      await(app.start(vertx));
      client = app.client(vertx);
    }

    @AfterAll
    void stop() throws Exception {
      await(app.stop());
      await(vertx.close());
    }

    HttpResponse<Buffer> send(HttpRequest<Buffer> request, JsonObject body) throws Exception {
      return await(body == null ? request.send() : request.sendJsonObject(body));
    }

    long posts() throws Exception {
      return await(app.stores.posts().count());
    }

    long events() throws Exception {
      return await(app.stores.events().count());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class ApiKeys extends Running {
    @Override
    Map<String, String> env() {
      return Map.of(
          "AUTH_MODE", "api_keys",
          "API_KEYS", "web:" + WEB_KEY + ",crm:" + CRM_KEY + ":user_002|user_01*:2",
          "AUTH_OPEN_READS", "false");
    }

    @Test
    void writesWithoutAKnownKeyAre401AndStoreNothing() throws Exception {
      long before = posts();
      HttpResponse<Buffer> none = send(client.post("/v1/ai/generate-feed"), post("user_001"));
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(none.bodyAsJsonObject().getJsonObject("error").getString("code"))
          .isEqualTo("unauthorized");
      HttpResponse<Buffer> wrong =
          send(
              client.post("/v1/ai/generate-feed").bearerTokenAuthentication("not-" + WEB_KEY),
              post("user_001"));
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.bodyAsJsonObject().getJsonObject("error").getString("message"))
          .isEqualTo("unknown API key");
      long eventsBefore = events();
      assertThat(send(client.post("/v1/events"), event("auth-e1", "user_001")).statusCode())
          .isEqualTo(401);
      assertThat(posts()).isEqualTo(before);
      assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aCallerActsOnlyForItsUsers() throws Exception {
      long before = posts();
      HttpResponse<Buffer> other =
          send(
              client.post("/v1/ai/generate-feed").putHeader("X-API-Key", CRM_KEY),
              post("user_001"));
      assertThat(other.statusCode()).isEqualTo(403);
      assertThat(other.bodyAsJsonObject().getJsonObject("error").getString("code"))
          .isEqualTo("forbidden");
      assertThat(posts()).isEqualTo(before);
      long eventsBefore = events();
      assertThat(
              send(
                      client.post("/v1/events").bearerTokenAuthentication(CRM_KEY),
                      event("auth-e2", "user_003"))
                  .statusCode())
          .isEqualTo(403);
      assertThat(events()).isEqualTo(eventsBefore);
      assertThat(
              send(
                      client.post("/v1/events").bearerTokenAuthentication(CRM_KEY),
                      event("auth-e3", "user_012"))
                  .statusCode())
          .as("user_01* covers user_012")
          .isEqualTo(202);
      assertThat(events()).isEqualTo(eventsBefore + 1);

      HttpResponse<Buffer> own =
          send(
              client.post("/v1/ai/generate-feed").bearerTokenAuthentication(WEB_KEY),
              post("user_001"));
      assertThat(own.statusCode()).isEqualTo(200);
      assertThat(posts()).isEqualTo(before + 1);
    }

    @Test
    void readsAreClosedUnlessConfiguredOpenButHealthAndPicturesStayOpen() throws Exception {
      assertThat(send(client.get("/v1/feed?user_id=user_001"), null).statusCode()).isEqualTo(401);
      assertThat(
              send(client.get("/v1/feed?user_id=user_001").bearerTokenAuthentication(WEB_KEY), null)
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              send(client.get("/v1/feed?user_id=user_001").bearerTokenAuthentication(CRM_KEY), null)
                  .statusCode())
          .isEqualTo(403);
      assertThat(send(client.get("/v1/ai/feeds/nope"), null).statusCode()).isEqualTo(401);
      assertThat(send(client.get("/health"), null).statusCode()).isEqualTo(200);
      assertThat(
              send(client.get("/v1/media/00000000-0000-4000-8000-000000000000.webp"), null)
                  .statusCode())
          .as("a picture needs no key (its name is unguessable and it sits in <img> tags)")
          .isEqualTo(404);
    }

    @Test
    void theRateLimitCountsPerCallerAtItsOwnLimit() throws Exception {
      int passed = 0;
      int limited = 0;
      for (String user : new String[] {"user_002", "user_010", "user_011"}) {
        int status =
            send(client.post("/v1/ai/generate-feed").bearerTokenAuthentication(CRM_KEY), post(user))
                .statusCode();
        passed += status == 200 ? 1 : 0;
        limited += status == 429 ? 1 : 0;
      }
      assertThat(passed).as("crm may make 2 a minute, whichever users").isEqualTo(2);
      assertThat(limited).isEqualTo(1);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Iam extends Running {
    @Override
    Map<String, String> env() {
      return Map.of(
          "AUTH_MODE", "iam",
          "AUTH_IAM_CALLERS",
              "web@demo.iam.gserviceaccount.com,crm@demo.iam.gserviceaccount.com:user_002");
    }

    private String token(String email) {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
      String claims =
          b64.encodeToString(
              new JsonObject()
                  .put("email", email)
                  .put("sub", "1234")
                  .encode()
                  .getBytes(StandardCharsets.UTF_8));
      return header + "." + claims + ".c2lnbmF0dXJl";
    }

    @Test
    void theVerifiedPrincipalIsTheCallerAndReadsStayOpenWhenConfigured() throws Exception {
      assertThat(
              send(
                      client
                          .post("/v1/ai/generate-feed")
                          .bearerTokenAuthentication(token("web@demo.iam.gserviceaccount.com")),
                      post("user_001"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              send(
                      client
                          .post("/v1/ai/generate-feed")
                          .putHeader(
                              "X-Serverless-Authorization",
                              "Bearer " + token("crm@demo.iam.gserviceaccount.com")),
                      post("user_001"))
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              send(
                      client
                          .post("/v1/ai/generate-feed")
                          .bearerTokenAuthentication(token("someone@else.example")),
                      post("user_001"))
                  .statusCode())
          .isEqualTo(401);
      assertThat(
              send(
                      client.post("/v1/ai/generate-feed").bearerTokenAuthentication("garbage"),
                      post("user_001"))
                  .statusCode())
          .isEqualTo(401);
      assertThat(send(client.get("/v1/feed?user_id=user_001"), null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aSecureModeWithoutCallersOrWithWeakKeysDoesNotStart() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("AUTH_MODE", "api_keys")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("conf/defaults.json auth.api_keys:")
        .hasMessageContaining("needs at least one caller");
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("AUTH_MODE", "api_keys", "API_KEYS", "web:short")))
        .hasMessage("API_KEYS entry 1: the key of 'web' must have at least 16 characters");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of("AUTH_MODE", "api_keys", "API_KEYS", "a:" + WEB_KEY + ",b:" + WEB_KEY)))
        .hasMessage("API_KEYS entry 2: two callers share one key");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of("AUTH_MODE", "api_keys", "API_KEYS", "a:" + WEB_KEY + ":user 1")))
        .hasMessageContaining("is not a user id");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("AUTH_MODE", "sso")))
        .hasMessageStartingWith("AUTH_MODE:");
    assertThat(ConfigLoader.load(Map.of()).auth().open())
        .as("the embedded default is open")
        .isTrue();
    assertThat(
            ConfigLoader.load(Map.of("AUTH_MODE", "api_keys", "API_KEYS", "w:" + WEB_KEY))
                .auth()
                .toString())
        .as("no key or hash in a printed config")
        .doesNotContain(WEB_KEY)
        .doesNotContain(com.aiagent.config.Caller.sha256(WEB_KEY));
  }
}
