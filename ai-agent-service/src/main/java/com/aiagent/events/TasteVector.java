package com.aiagent.events;

import com.aiagent.store.VectorMath;

/**
 * How events move a user's taste vector: each click, like or purchase adds its weight times the
 * item's (normalized) vector, an unlike takes a like's back; the store adds the sum to the current
 * taste and renormalizes. A weight of 0.15 turns a unit taste by at most about 9 degrees, so one
 * event nudges the feed and many of one kind steer it.
 */
final class TasteVector {
  private final float[] move;

  TasteVector(int dimension) {
    this.move = new float[dimension];
  }

  /** Adds {@code weight} times {@code item} (normalized); vectors of another size are skipped. */
  boolean add(float[] item, double weight) {
    if (item == null || item.length != move.length || weight == 0) {
      return false;
    }
    float[] unit = VectorMath.normalized(item);
    for (int i = 0; i < move.length; i++) {
      move[i] += (float) (weight * unit[i]);
    }
    return true;
  }

  float[] move() {
    return move.clone();
  }
}
