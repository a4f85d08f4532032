package com.aiagent.http;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import com.aiagent.metrics.AppMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GET /metrics in Prometheus text: HTTP requests by route template and status (never a raw path),
 * the JVM, and the product's meters, counting what the requests did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {
  private Vertx vertx;
  private TestApp app;
  private WebClient client;

  @BeforeAll
  void start() throws Exception {
    vertx =
        Vertx.builder().with(new VertxOptions().setMetricsOptions(AppMetrics.options())).build();
    app = TestApp.create(Map.of());
    await(app.start(vertx));
    client = app.client(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  private static double value(String text, String series) {
    Matcher line =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(text);
    return line.find() ? Double.parseDouble(line.group(1)) : -1;
  }

  @Test
  void requestsAndWhatTheyDidAreCountedByRouteNeverByPath() throws Exception {
    // Each feed instance keeps its own local cache: enough requests that one lands on a warm one.
    for (int i = 0; i < 6; i++) {
      await(client.get("/v1/feed?user_id=user_001").send());
    }
    await(client.get("/v1/feed?user_id=user_404").send());
    await(
        client
            .post("/v1/events")
            .sendJsonObject(
                new JsonObject()
                    .put(
                        "events",
                        new JsonArray()
                            .add(
                                new JsonObject()
                                    .put("event_id", "m-1")
                                    .put("user_id", "user_002")
                                    .put("type", "like")
                                    .put("item_id", "content_054"))
                            .add(new JsonObject().put("event_id", "m-2")))));
    await(
        client
            .post("/v1/ai/generate-feed")
            .sendJsonObject(
                new JsonObject()
                    .put("user_id", "user_003")
                    .put("prompt", "캠핑 의자 추천")
                    .put("generate_image", false)));

    String text = await(client.get("/metrics").send()).bodyAsString();
    assertThat(text).contains("# TYPE vertx_http_server_requests_total counter");
    assertThat(text)
        .containsPattern(
            "vertx_http_server_requests_total\\{[^}]*code=\"200\"[^}]*route=\"/v1/feed\"[^}]*\\}")
        .containsPattern(
            "vertx_http_server_requests_total\\{[^}]*code=\"404\"[^}]*route=\"/v1/feed\"[^}]*\\}");
    assertThat(text).as("no user id or raw path becomes a label").doesNotContain("user_00");
    assertThat(text).contains("jvm_memory_used_bytes");
    assertThat(value(text, "ai_agent_feed_pages_total{source=\"ranked\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(text, "ai_agent_feed_pages_total{source=\"cache\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(text, "ai_agent_feed_ranking_seconds_count{outcome=\"ok\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(text, "ai_agent_events_total{result=\"accepted\"}")).isEqualTo(1);
    assertThat(value(text, "ai_agent_events_total{result=\"rejected\"}")).isEqualTo(1);
    assertThat(value(text, "ai_agent_generation_seconds_count{llm=\"local\",outcome=\"ok\"}"))
        .isEqualTo(1);
    assertThat(value(text, "ai_agent_images_total{status=\"not_requested\"}")).isEqualTo(1);
  }

  @Test
  void theEndpointCanBeTurnedOffAndNeedsACallerOutsideTheOpenMode() throws Exception {
    TestApp off = TestApp.create(Map.of("METRICS_ENABLED", "false"));
    TestApp secured =
        TestApp.create(
            Map.of("AUTH_MODE", "api_keys", "API_KEYS", "prometheus:0123456789abcdef0123"));
    await(off.start(vertx));
    await(secured.start(vertx));
    try {
      assertThat(await(off.client(vertx).get("/metrics").send()).statusCode()).isEqualTo(404);
      WebClient secure = secured.client(vertx);
      assertThat(await(secure.get("/metrics").send()).statusCode()).isEqualTo(401);
      assertThat(
              await(secure.get("/metrics").bearerTokenAuthentication("0123456789abcdef0123").send())
                  .statusCode())
          .isEqualTo(200);
    } finally {
      await(off.stop());
      await(secured.stop());
    }
  }
}
