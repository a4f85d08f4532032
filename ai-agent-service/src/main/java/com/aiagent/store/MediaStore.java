package com.aiagent.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Optional;

/**
 * Where generated pictures live: a local folder, or a PostgreSQL table that every instance of the
 * service shares (staging and production, where any instance must serve any picture). Names are
 * checked by the media module before they reach a store.
 */
public interface MediaStore {
  /** Prepares the store (e.g. creates the folder). */
  Future<Void> open();

  Future<Void> save(String name, Buffer bytes);

  /** The bytes stored under {@code name}, or empty. */
  Future<Optional<Buffer>> load(String name);

  /** Whether pictures can be written now. */
  Future<Boolean> writable();

  /**
   * Removes the pictures that retention ({@code retention.*}) no longer keeps at {@code now}, as
   * for generated posts; answers how many.
   */
  Future<Long> trim(Instant now);

  /** Where the pictures are, for health details. */
  String location();
}
