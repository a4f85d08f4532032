package com.aiagent.embedding;

import com.aiagent.search.ShoppingText;
import com.aiagent.search.ShoppingText.Analysis;
import com.aiagent.search.ShoppingText.Concept;
import com.aiagent.store.VectorMath;
import java.nio.charset.StandardCharsets;

/**
 * The offline embedder since {@code local-concept-v1}: signed feature hashing, like {@link
 * HashingEmbedder}, of what {@link ShoppingText} reads in a text instead of raw character n-grams:
 * its words (nori morphemes, English stems) and, weighted above them, the shared bilingual concepts
 * they name and those concepts' categories. So 장마 and "rainy day" land near a raincoat, and a
 * Korean prompt near an English text about the same thing. Deterministic in every JVM.
 */
final class ConceptEmbedder implements TextEmbedder {
  private static final double WORD_WEIGHT = 1.0;
  private static final double CONCEPT_WEIGHT = 2.0;
  private static final double CATEGORY_WEIGHT = 2.5;

  private final String model;
  private final int dimension;
  private final ShoppingText reader;

  ConceptEmbedder(String model, int dimension, ShoppingText reader) {
    this.model = model;
    this.dimension = dimension;
    this.reader = reader;
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
    Analysis analysis = reader.analyze(text);
    for (String word : analysis.words()) {
      add(vector, "w:" + word, WORD_WEIGHT);
    }
    for (Concept concept : analysis.concepts()) {
      add(vector, "c:" + concept.name(), CONCEPT_WEIGHT);
      if (!concept.category().isEmpty()) {
        add(vector, "k:" + concept.category(), CATEGORY_WEIGHT);
      }
    }
    return VectorMath.normalized(vector);
  }

  private void add(float[] vector, String feature, double weight) {
    long hash = HashingEmbedder.fnv1a64(feature.getBytes(StandardCharsets.UTF_8));
    int index = (int) Long.remainderUnsigned(hash >>> 1, dimension);
    vector[index] += (float) ((hash & 1L) == 0 ? weight : -weight);
  }
}
