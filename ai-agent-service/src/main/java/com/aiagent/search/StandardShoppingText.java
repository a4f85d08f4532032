package com.aiagent.search;

import java.util.List;
import java.util.function.Supplier;

/** The shipped {@link ShoppingText}: the bilingual analyzer plus the concept lexicon. */
final class StandardShoppingText implements ShoppingText {
  /** Built at first use, once per JVM: loading nori's dictionary takes about half a second. */
  static final Supplier<ShoppingText> INSTANCE = new Once<>(StandardShoppingText::new);

  private final ShoppingAnalyzers analyzers;
  private final ConceptLexicon lexicon;

  StandardShoppingText() {
    this(new ShoppingAnalyzers());
  }

  StandardShoppingText(ShoppingAnalyzers analyzers) {
    this.analyzers = analyzers;
    this.lexicon =
        new ConceptLexicon(
            ShoppingAnalyzers.resource("search/lexicon.tsv"),
            term -> ShoppingAnalyzers.tokens(analyzers.bilingual(), term));
  }

  ShoppingAnalyzers analyzers() {
    return analyzers;
  }

  @Override
  public Analysis analyze(String text) {
    List<String> words = ShoppingAnalyzers.tokens(analyzers.bilingual(), text);
    return new Analysis(words, lexicon.concepts(words));
  }

  /** A supplier that computes its value once, on first use, under a lock. */
  private static final class Once<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    Once(Supplier<T> make) {
      this.make = make;
    }

    @Override
    public T get() {
      T current = value;
      if (current == null) {
        synchronized (this) {
          current = value;
          if (current == null) {
            current = make.get();
            value = current;
          }
        }
      }
      return current;
    }
  }
}
