package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention of the pictures in a media folder. */
class FolderMediaStoreTest {
  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void trimKeepsTheNewestPicturesAndNoneTooOld() throws Exception {
    Instant now = Instant.parse("2026-12-03T00:00:00Z");
    for (int i = 0; i < 5; i++) {
      Path file = Files.write(dir.resolve("picture-" + i + ".webp"), new byte[] {1});
      Instant at = i == 0 ? now.minus(Duration.ofHours(30)) : now.minusSeconds(100 - i);
      Files.setLastModifiedTime(file, FileTime.from(at));
    }
    Files.write(dir.resolve("notes.txt"), new byte[] {1});
    FolderMediaStore store =
        new FolderMediaStore(vertx, dir, new AppConfig.Retention(3, 24, 60_000, 100));

    assertThat(await(store.trim(now))).isEqualTo(2);
    assertThat(dir.resolve("picture-0.webp")).doesNotExist();
    assertThat(dir.resolve("picture-1.webp")).doesNotExist();
    assertThat(dir.resolve("picture-2.webp")).exists();
    assertThat(dir.resolve("picture-4.webp")).exists();
    assertThat(dir.resolve("notes.txt")).as("not a picture").exists();
    assertThat(await(store.trim(now))).isZero();
  }
}
