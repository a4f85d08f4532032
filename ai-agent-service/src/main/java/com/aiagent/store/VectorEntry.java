package com.aiagent.store;

import java.time.Instant;

/**
 * One embedded item. {@code liveFrom}/{@code liveUntil} bound when a campaign may be shown (null
 * for items that are always live); {@code model} names the embedder that made the vector.
 */
public record VectorEntry(
    String id,
    ItemType type,
    String category,
    boolean active,
    Instant liveFrom,
    Instant liveUntil,
    float[] vector,
    String model) {

  public boolean liveAt(Instant now) {
    return active
        && (liveFrom == null || !now.isBefore(liveFrom))
        && (liveUntil == null || now.isBefore(liveUntil));
  }
}
