package com.aiagent.search;

import java.util.List;

/**
 * Reads everyday shopping text in Korean and English alike: its words (nori morphemes for Korean,
 * stemmed English words, stop words out) and the shared shopping concepts those words and phrases
 * name (우산, umbrella, 장마 and rainy season all name {@code raingear}). The offline embedder builds
 * its vectors from both; the lexical index searches both.
 */
public interface ShoppingText {
  /** The words and concepts of one text. */
  Analysis analyze(String text);

  /** One text read: its words in order, and each concept named, once per mention. */
  record Analysis(List<String> words, List<Concept> concepts) {}

  /** A shared concept; {@code category} is the catalogue category it belongs to, or empty. */
  record Concept(String name, String category) {}

  /**
   * The shipped reader: nori with the user dictionary and the lexicon from {@code search/}. Loaded
   * once per JVM (the nori dictionary takes about half a second), then shared; thread-safe.
   */
  static ShoppingText standard() {
    return StandardShoppingText.INSTANCE.get();
  }
}
