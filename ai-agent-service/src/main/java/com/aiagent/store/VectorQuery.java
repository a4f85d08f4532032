package com.aiagent.store;

import java.time.Instant;

/**
 * A nearest-neighbour search: the {@code k} items of {@code type} closest to {@code vector} by
 * cosine, optionally only in {@code category} and only those live at {@code liveAt}.
 */
public record VectorQuery(ItemType type, float[] vector, int k, String category, Instant liveAt) {
  public static VectorQuery of(ItemType type, float[] vector, int k) {
    return new VectorQuery(type, vector, k, null, null);
  }

  public VectorQuery inCategory(String value) {
    return new VectorQuery(type, vector, k, value, liveAt);
  }

  public VectorQuery liveAt(Instant value) {
    return new VectorQuery(type, vector, k, category, value);
  }
}
