package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.ConfigLoader;
import com.aiagent.store.gcs.GcsMediaStore;
import io.vertx.core.buffer.Buffer;
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
      fake = new FakeGcsServer(vertx, "ai-agent-media");
      port = await(fake.start());
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
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> await(store.save("a.webp", Buffer.buffer(new byte[] {1}))))
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
    io.vertx.core.net.NetServer silent = vertx.createNetServer().connectHandler(socket -> {});
    int silentPort = await(silent.listen(0, "127.0.0.1")).actualPort();
    Map<String, String> env = env(Map.of());
    env.put("GCS_BASE_URL", "http://127.0.0.1:" + silentPort);
    env.put("GCS_TIMEOUT_MS", "300");
    MediaStore store = new GcsMediaStore(vertx, ConfigLoader.load(env), "image/webp");
    long started = System.nanoTime();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> await(store.load("a.webp")));
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
  }

  @Override
  protected void closeStore() throws Exception {
    if (fake != null) {
      await(fake.close());
    }
  }
}
