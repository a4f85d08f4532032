package com.aiagent.search;

import com.aiagent.search.ShoppingText.Concept;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bilingual shopping-concept lexicon ({@code search/lexicon.tsv}): everyday Korean and English
 * words, synonyms, occasions, hobbies and problems, each mapped to a shared concept. Terms are
 * analyzed by the same analyzer as the texts they are found in, so 장마철에 meets 장마철 and "raincoats"
 * meets "raincoat"; a phrase matches where its words follow each other closely.
 */
final class ConceptLexicon {
  /** How many tokens may sit between two words of a phrase (compound parts, a dropped particle). */
  private static final int PHRASE_SLACK = 3;

  private record Entry(List<String> tokens, Concept concept) {}

  /** Entries by their first token. */
  private final Map<String, List<Entry>> byFirstToken = new HashMap<>();

  private final int size;

  ConceptLexicon(Reader source, Function<String, List<String>> analyze) {
    int entries = 0;
    try (BufferedReader reader = new BufferedReader(source)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != 3 || cells[0].isBlank()) {
          throw new IllegalStateException(
              "search/lexicon.tsv line " + number + ": expected concept, category, terms");
        }
        Concept concept = new Concept(cells[0].trim().replace(' ', '-'), cells[1].trim());
        for (String term : cells[2].split(",")) {
          List<String> tokens = analyze.apply(term.trim());
          if (!tokens.isEmpty()) {
            byFirstToken
                .computeIfAbsent(tokens.get(0), t -> new ArrayList<>())
                .add(new Entry(tokens, concept));
            entries++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.size = entries;
  }

  int size() {
    return size;
  }

  /** The concepts the tokens name, once per mention and concept. */
  List<Concept> concepts(List<String> tokens) {
    List<Concept> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      List<Entry> candidates = byFirstToken.get(tokens.get(i));
      if (candidates == null) {
        continue;
      }
      List<Concept> here = new ArrayList<>();
      for (Entry entry : candidates) {
        if (!here.contains(entry.concept()) && matchesAt(tokens, i, entry.tokens())) {
          here.add(entry.concept());
        }
      }
      found.addAll(here);
    }
    return found;
  }

  private static boolean matchesAt(List<String> tokens, int start, List<String> phrase) {
    int at = start;
    for (int p = 1; p < phrase.size(); p++) {
      int next = -1;
      for (int j = at + 1; j <= Math.min(tokens.size() - 1, at + PHRASE_SLACK); j++) {
        if (tokens.get(j).equals(phrase.get(p))) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        return false;
      }
      at = next;
    }
    return true;
  }
}
