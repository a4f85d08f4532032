package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every {@link MediaStore} has: a folder, the PostgreSQL table and Cloud Storage
 * (against a fake speaking its JSON API). Each test gets an empty store.
 */
public abstract class MediaStoreContract {
  protected final Vertx vertx = Vertx.vertx();

  /**
   * An empty, opened store keeping what {@code retention} (RETENTION_MAX_GENERATED,
   * RETENTION_MAX_AGE_HOURS) says.
   */
  protected abstract MediaStore open(Map<String, String> retention) throws Exception;

  /** Makes {@code name} look created at {@code at}, for retention by age. */
  protected abstract void backdate(String name, Instant at) throws Exception;

  protected void closeStore() throws Exception {}

  @AfterEach
  final void close() throws Exception {
    closeStore();
    await(vertx.close());
  }

  protected static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String name() {
    return UUID.randomUUID() + ".webp";
  }

  private static Buffer picture(int seed) {
    byte[] bytes = new byte[2048 + seed];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return Buffer.buffer(bytes);
  }

  private static final Map<String, String> KEEP_ALL =
      Map.of("RETENTION_MAX_GENERATED", "0", "RETENTION_MAX_AGE_HOURS", "0");

  @Test
  void aSavedPictureLoadsBackByteForByte() throws Exception {
    MediaStore store = open(KEEP_ALL);
    String name = name();
    await(store.save(name, picture(7)));
    assertThat(await(store.load(name))).contains(picture(7));
    assertThat(await(store.writable())).isTrue();
    assertThat(store.location()).isNotBlank();
  }

  @Test
  void aNameNeverSavedLoadsNothing() throws Exception {
    MediaStore store = open(KEEP_ALL);
    assertThat(await(store.load(name()))).isEmpty();
  }

  @Test
  void trimKeepsTheNewestPicturesAndNoneTooOld() throws Exception {
    MediaStore store =
        open(Map.of("RETENTION_MAX_GENERATED", "2", "RETENTION_MAX_AGE_HOURS", "24"));
    Instant now = Instant.now();
    List<String> names = List.of(name(), name(), name(), name());
    for (int i = 0; i < names.size(); i++) {
      await(store.save(names.get(i), picture(i)));
    }
    // Oldest first: one past the age limit, then three by age, the last the newest.
    backdate(names.get(0), now.minus(Duration.ofHours(30)));
    backdate(names.get(1), now.minusSeconds(300));
    backdate(names.get(2), now.minusSeconds(200));
    backdate(names.get(3), now.minusSeconds(100));

    assertThat(await(store.trim(now))).isEqualTo(2);
    assertThat(await(store.load(names.get(0)))).isEmpty();
    assertThat(await(store.load(names.get(1)))).isEmpty();
    assertThat(await(store.load(names.get(2)))).contains(picture(2));
    assertThat(await(store.load(names.get(3)))).contains(picture(3));
    assertThat(await(store.trim(now))).isZero();
  }
}
