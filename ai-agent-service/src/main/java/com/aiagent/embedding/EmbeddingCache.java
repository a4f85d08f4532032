package com.aiagent.embedding;

import com.aiagent.cache.RedisCache;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors in Redis under a hash of (model, dimension, task type, text), so a repeated prompt skips
 * the provider. Values are the floats in big-endian order; anything else found there is a miss.
 * When Redis is down every lookup misses and nothing is written. Either is logged, at most once a
 * minute per kind: the cache never fails a request, but its failures are not silent.
 */
final class EmbeddingCache {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
  private static final String PREFIX = "embedding:";
  private static final long WARN_INTERVAL_MS = 60_000;

  private final RedisCache redis;
  private final long ttlMs;
  private final RateLimitedWarning warnings;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  EmbeddingCache(RedisCache redis, long ttlMs) {
    this(redis, ttlMs, new RateLimitedWarning(LOG, WARN_INTERVAL_MS, System::currentTimeMillis));
  }

  EmbeddingCache(RedisCache redis, long ttlMs, RateLimitedWarning warnings) {
    this.redis = redis;
    this.ttlMs = ttlMs;
    this.warnings = warnings;
  }

  String key(String model, int dimension, TaskType task, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(task.name().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return redis.key(PREFIX)
          + model
          + ":"
          + dimension
          + ":"
          + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }

  /** One entry per text: its cached vector, or null. */
  Future<List<float[]>> lookup(String model, int dimension, TaskType task, List<String> texts) {
    List<String> keys = texts.stream().map(t -> key(model, dimension, task, t)).toList();
    return redis
        .getAll(keys)
        .map(
            values -> {
              List<float[]> vectors = new ArrayList<>(values.size());
              for (Buffer value : values) {
                vectors.add(decode(value, dimension));
              }
              return vectors;
            })
        .otherwise(
            error -> {
              warnings.warn("read", "embedding cache read failed; embedding every text", error);
              return Arrays.asList(new float[texts.size()][]);
            })
        .onSuccess(
            vectors -> {
              long found = vectors.stream().filter(v -> v != null).count();
              hits.addAndGet(found);
              misses.addAndGet(vectors.size() - found);
            });
  }

  Future<Void> store(
      String model, int dimension, TaskType task, List<String> texts, List<float[]> vectors) {
    List<Future<Void>> writes = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      writes.add(
          redis.set(key(model, dimension, task, texts.get(i)), encode(vectors.get(i)), ttlMs));
    }
    return Future.join(writes)
        .<Void>mapEmpty()
        .onFailure(
            error ->
                warnings.warn("write", "embedding cache write failed; vectors not kept", error))
        .otherwiseEmpty();
  }

  private static Buffer encode(float[] vector) {
    Buffer buffer = Buffer.buffer(vector.length * Float.BYTES);
    for (float v : vector) {
      buffer.appendFloat(v);
    }
    return buffer;
  }

  private float[] decode(Buffer value, int dimension) {
    if (value == null) {
      return null;
    }
    if (value.length() != dimension * Float.BYTES) {
      warnings.warn(
          "decode",
          "embedding cache entry of "
              + value.length()
              + " bytes is not a "
              + dimension
              + "-dim vector; treated as a miss",
          null);
      return null;
    }
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = value.getFloat(i * Float.BYTES);
    }
    return vector;
  }
}
