package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.config.ConfigLoader;
import com.aiagent.store.gcs.GcsMediaStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The media store contract on Cloud Storage, against a fake speaking the JSON API. */
class GcsMediaStoreContractTest extends MediaStoreContract {
  private FakeGcsServer fake;
  private int port;

  private Map<String, String> env(Map<String, String> extra) throws Exception {
    if (fake == null) {
      fake = new FakeGcsServer("ai-agent-media");
      port = fake.start();
    }
    Map<String, String> env = new HashMap<>(extra);
    env.put("MEDIA_STORE", "gcs");
    env.put("GCS_BUCKET", "ai-agent-media");
    env.put("GCS_BASE_URL", "http://127.0.0.1:" + port);
    env.put("GCS_ACCESS_TOKEN", FakeGcsServer.TOKEN);
    return env;
  }

  @Override
  protected MediaStore open(Map<String, String> retention) throws Exception {
    MediaStore store = new GcsMediaStore(vertx, ConfigLoader.load(env(retention)), "image/webp");
    await(store.open());
    return store;
  }

  @Override
  protected void backdate(String name, Instant at) {
    fake.createdAt(name, at);
  }

  @Test
  void objectsCarryTheirTypeAndALongCacheHeader() throws Exception {
    MediaStore store = open(Map.of());
    await(store.save("3f2504e0-4f89-11d3-9a0c-0305e82c3301.webp", Buffer.buffer(new byte[] {1})));
    FakeGcsServer.StoredObject object =
        fake.objects.get("3f2504e0-4f89-11d3-9a0c-0305e82c3301.webp");
    assertThat(object.contentType()).isEqualTo("image/webp");
    assertThat(object.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(store.location()).isEqualTo("gs://ai-agent-media");
  }

  @Test
  void aBucketThatRefusesTheCredentialsIsNotWritableAndFailsSaves() throws Exception {
    Map<String, String> env = env(Map.of());
    env.put("GCS_ACCESS_TOKEN", "wrong");
    MediaStore store = new GcsMediaStore(vertx, ConfigLoader.load(env), "image/webp");
    assertThat(await(store.writable())).isFalse();
    assertThatThrownBy(() -> await(store.save("a.webp", Buffer.buffer(new byte[] {1}))))
        .hasMessageContaining("answered 401");
  }

  @Test
  void listingFollowsPages() throws Exception {
    MediaStore store = open(Map.of("RETENTION_MAX_GENERATED", "1", "RETENTION_MAX_AGE_HOURS", "0"));
    for (int i = 0; i < 1003; i++) {
      fake.objects.put(
          String.format("%05d.webp", i),
          new FakeGcsServer.StoredObject(
              Buffer.buffer(new byte[] {1}),
              "image/webp",
              null,
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
    }
    assertThat(await(store.trim(Instant.now()))).isEqualTo(1000);
    assertThat(fake.objects).hasSize(3);
    assertThat(await(store.trim(Instant.now()))).isEqualTo(2);
    assertThat(fake.objects).containsOnlyKeys("01002.webp");
  }

  @Test
  void aBucketThatDoesNotAnswerFailsTheCallWithinTheTimeout() throws Exception {
    // Accepts connections (the kernel's backlog does) and never answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Map<String, String> env = env(Map.of());
      env.put("GCS_BASE_URL", "http://127.0.0.1:" + silent.getLocalPort());
      env.put("GCS_TIMEOUT_MS", "300");
      MediaStore store = new GcsMediaStore(vertx, ConfigLoader.load(env), "image/webp");
      long started = System.nanoTime();
      assertThatThrownBy(() -> await(store.load("a.webp")))
          .hasMessageContaining("Cloud Storage GET");
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }
  }

  /**
   * Calls made outside Vert.x (this test's thread) on a kept-alive connection: the response can
   * arrive on the event loop before the caller has chained its next step. When the body was asked
   * for in a step chained on the caller's thread, about one call in a hundred lost its body and
   * hung until GCS_TIMEOUT_MS.
   */
  @Test
  void everyCallFromAThreadOutsideVertxGetsItsAnswer() throws Exception {
    Map<String, String> env = env(Map.of());
    env.put("GCS_TIMEOUT_MS", "2000");
    MediaStore store = new GcsMediaStore(vertx, ConfigLoader.load(env), "image/webp");
    for (int i = 0; i < 500; i++) {
      String name = String.format("%05d.webp", i);
      Buffer bytes = Buffer.buffer(new byte[] {(byte) i, 1, 2});
      await(store.save(name, bytes));
      assertThat(await(store.load(name))).contains(bytes);
    }
    assertThat(fake.requests()).isEqualTo(1000);
  }

  /** The fake's own wire format, as Cloud Storage answers: what the store is tested against. */
  @Test
  void theFakeAnswersDeletesAndMissingObjectsAsCloudStorageDoes() throws Exception {
    env(Map.of());
    fake.objects.put(
        "a.webp",
        new FakeGcsServer.StoredObject(
            Buffer.buffer(new byte[] {1}), "image/webp", null, Instant.now()));
    HttpClient jdk = HttpClient.newHttpClient();
    String object = "http://127.0.0.1:" + port + "/storage/v1/b/ai-agent-media/o/a.webp";
    HttpResponse<String> deleted =
        jdk.send(
            HttpRequest.newBuilder(URI.create(object))
                .DELETE()
                .header("Authorization", "Bearer " + FakeGcsServer.TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.headers().firstValue("Content-Length")).contains("0");
    assertThat(deleted.body()).isEmpty();
    HttpResponse<String> missing =
        jdk.send(
            HttpRequest.newBuilder(URI.create(object + "?alt=media"))
                .header("Authorization", "Bearer " + FakeGcsServer.TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    JsonObject error = new JsonObject(missing.body()).getJsonObject("error");
    assertThat(error.getInteger("code")).isEqualTo(404);
    assertThat(error.getString("message")).contains("a.webp");
    assertThat(error.getJsonArray("errors").getJsonObject(0).getString("reason"))
        .isEqualTo("notFound");
  }

  @Override
  protected void closeStore() throws Exception {
    if (fake != null) {
      fake.close();
    }
  }
}
