package com.aiagent.store;

/** Dot products and normalization for float vectors. */
public final class VectorMath {
  private VectorMath() {}

  public static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** A unit-length copy; the zero vector stays zero. */
  public static float[] normalized(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    if (norm == 0) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
