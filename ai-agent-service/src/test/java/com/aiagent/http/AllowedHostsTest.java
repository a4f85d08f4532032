package com.aiagent.http;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.TestApp;
import com.aiagent.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A forged Host never lands in a picture URL once ALLOWED_HOSTS is set. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllowedHostsTest {
  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;

  @BeforeAll
  void start() throws Exception {
    app = TestApp.create(Map.of("ALLOWED_HOSTS", "feed.example.com, .run.app"));
    await(app.start(vertx));
    client = app.client(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  private String imageUrl(String host) throws Exception {
    return await(
            client
                .post("/v1/ai/generate-feed")
                .putHeader("Host", host)
                .sendJsonObject(new JsonObject().put("user_id", "user_004").put("prompt", "운동화")))
        .bodyAsJsonObject()
        .getString("generated_image_url");
  }

  @Test
  void onlyListedHostsAndSuffixesBecomeTheOrigin() throws Exception {
    assertThat(imageUrl("feed.example.com")).startsWith("http://feed.example.com/v1/media/");
    assertThat(imageUrl("FEED.example.com:8443")).startsWith("http://FEED.example.com:8443/");
    assertThat(imageUrl("ai-agent-api-123.us-central1.run.app"))
        .startsWith("http://ai-agent-api-123.us-central1.run.app/");
    for (String forged : new String[] {"evil.example", "169.254.169.254", "run.app.evil.example"}) {
      assertThat(imageUrl(forged)).doesNotContain(forged).contains("/v1/media/");
    }
  }

  @Test
  void aMalformedEntryStopsStartUp() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("ALLOWED_HOSTS", "ok.example,http://x/")))
        .hasMessage("ALLOWED_HOSTS: 'http://x/' is not a host, host:port or .suffix");
  }
}
