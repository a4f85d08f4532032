package com.aiagent.store;

import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pictures as files in one folder, through Vert.x's async file system; nothing outside it is read.
 */
public final class FolderMediaStore implements MediaStore {
  private final Vertx vertx;
  private final Path dir;
  private final AppConfig.Retention retention;

  public FolderMediaStore(Vertx vertx, Path dir, AppConfig.Retention retention) {
    this.vertx = vertx;
    this.dir = dir.toAbsolutePath().normalize();
    this.retention = retention;
  }

  @Override
  public Future<Void> open() {
    return vertx.fileSystem().mkdirs(dir.toString());
  }

  private Path path(String name) {
    Path path = dir.resolve(name).normalize();
    if (!dir.equals(path.getParent())) {
      throw new IllegalArgumentException("not a file of the media folder: " + name);
    }
    return path;
  }

  @Override
  public Future<Void> save(String name, Buffer bytes) {
    Path target = path(name);
    // Plain NIO on a worker rather than vertx.fileSystem(): Vert.x's file resolver closes in its
    // own shutdown hook, and a picture saved while the instance drains must still land. Written
    // to a temporary name and moved, so a reader never sees half a picture.
    return vertx.executeBlocking(
        () -> {
          Path partial = target.resolveSibling(target.getFileName() + ".part");
          Files.write(partial, bytes.getBytes());
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
          return null;
        },
        false);
  }

  @Override
  public Future<Optional<Buffer>> load(String name) {
    return vertx
        .fileSystem()
        .readFile(path(name).toString())
        .map(Optional::of)
        .recover(
            error ->
                error instanceof FileSystemException
                        && error.getCause() instanceof NoSuchFileException
                    ? Future.succeededFuture(Optional.empty())
                    : Future.failedFuture(error));
  }

  @Override
  public Future<Boolean> writable() {
    return vertx.fileSystem().props(dir.toString()).map(p -> p.isDirectory()).otherwise(false);
  }

  /**
   * Deletes the pictures beyond the newest {@code max_generated} or older than {@code
   * max_age_hours} (by modification time), at most {@code trim_batch} per call, on a worker thread.
   */
  @Override
  public Future<Long> trim(Instant now) {
    return vertx.executeBlocking(() -> trimNow(now), false);
  }

  private long trimNow(Instant now) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> newestFirst;
    try (Stream<Path> files = Files.list(dir)) {
      newestFirst =
          files
              .filter(f -> f.getFileName().toString().endsWith(".webp"))
              .sorted(Comparator.comparing(FolderMediaStore::modified).reversed())
              .toList();
    }
    Instant cutoff =
        retention.maxAgeHours() == 0 ? null : now.minusSeconds(retention.maxAgeHours() * 3600L);
    long deleted = 0;
    for (int i = 0; i < newestFirst.size() && deleted < retention.trimBatch(); i++) {
      Path file = newestFirst.get(i);
      boolean extra = retention.maxGenerated() > 0 && i >= retention.maxGenerated();
      boolean old = cutoff != null && modified(file).isBefore(cutoff);
      if ((extra || old) && Files.deleteIfExists(file)) {
        deleted++;
      }
    }
    return deleted;
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      // A file deleted meanwhile sorts as oldest; deleteIfExists then skips it.
      return Instant.EPOCH;
    }
  }

  @Override
  public String location() {
    return dir.toString();
  }
}
