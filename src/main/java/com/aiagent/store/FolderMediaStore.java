package com.aiagent.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Pictures as files in one folder, through Vert.x's async file system; nothing outside it is read.
 */
public final class FolderMediaStore implements MediaStore {
  private final Vertx vertx;
  private final Path dir;

  public FolderMediaStore(Vertx vertx, Path dir) {
    this.vertx = vertx;
    this.dir = dir.toAbsolutePath().normalize();
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
    return vertx.fileSystem().writeFile(path(name).toString(), bytes);
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

  @Override
  public String location() {
    return dir.toString();
  }
}
