package com.aiagent.store;

/** Dot products and normalization for float vectors. */
public final class VectorMath {
  private VectorMath() {}

  /**
   * The dot product. Four independent float accumulators let the JIT pipeline the loop (a single
   * double accumulator serializes every add); the error stays far below what ranking can notice.
   */
  public static double dot(float[] a, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    int bound = a.length & ~3;
    for (; i < bound; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return (double) s0 + s1 + s2 + s3;
  }

  /** A unit-length copy; the zero vector stays zero. */
  public static float[] normalized(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    if (norm == 0) {
      return out;
    }
    float scale = (float) (1 / norm);
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return out;
  }
}
