package com.aiagent.embedding;

import com.aiagent.store.VectorMath;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The offline embedder: signed feature hashing of words and character n-grams into a fixed number
 * of dimensions, L2-normalized. It needs no model and no network, gives the same vector for the
 * same text in every JVM (FNV-1a over UTF-8, no {@code String.hashCode} or random seeds), and
 * treats Hangul and Latin text alike: Hangul words contribute syllable bigrams, so "패션은" still
 * meets "패션", and Latin words contribute character trigrams.
 */
public final class HashingEmbedder implements TextEmbedder {
  private static final double WORD_WEIGHT = 1.0;
  private static final double HANGUL_BIGRAM_WEIGHT = 0.7;
  private static final double LATIN_TRIGRAM_WEIGHT = 0.4;

  private final String model;
  private final int dimension;

  public HashingEmbedder(String model, int dimension) {
    this.model = model;
    this.dimension = dimension;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    float[] vector = new float[dimension];
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    for (String word : normalized.split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      add(vector, "w:" + word, WORD_WEIGHT);
      if (isHangul(word)) {
        for (int i = 0; i + 2 <= word.length(); i++) {
          add(vector, "h:" + word.substring(i, i + 2), HANGUL_BIGRAM_WEIGHT);
        }
      } else if (word.length() > 3) {
        String bounded = "<" + word + ">";
        for (int i = 0; i + 3 <= bounded.length(); i++) {
          add(vector, "t:" + bounded.substring(i, i + 3), LATIN_TRIGRAM_WEIGHT);
        }
      }
    }
    return VectorMath.normalized(vector);
  }

  private void add(float[] vector, String feature, double weight) {
    long hash = fnv1a64(feature.getBytes(StandardCharsets.UTF_8));
    int index = (int) Long.remainderUnsigned(hash >>> 1, dimension);
    vector[index] += (float) ((hash & 1L) == 0 ? weight : -weight);
  }

  private static boolean isHangul(String word) {
    return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HANGUL;
  }

  static long fnv1a64(byte[] bytes) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
