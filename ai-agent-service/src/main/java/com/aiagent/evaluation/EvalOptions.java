package com.aiagent.evaluation;

import com.aiagent.search.SearchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code eval-retrieval}: {@code --split test|tune|all} (which prompts run; the
 * per-category table shows the held-out half unless only the tune half runs), {@code --file path}
 * (another set in the same format), {@code --mode hybrid|vector|lexical|all} (default all three),
 * {@code --misses} (also list each prompt whose first product or most of whose five miss).
 */
public record EvalOptions(String split, Path file, List<SearchMode> modes, boolean misses) {
  public static final String USAGE =
      "eval-retrieval [--split test|tune|all] [--file path] [--mode hybrid|vector|lexical|all]"
          + " [--misses]";

  public static EvalOptions parse(List<String> arguments) {
    String split = "all";
    Path file = null;
    List<SearchMode> modes = List.of(SearchMode.HYBRID, SearchMode.VECTOR, SearchMode.LEXICAL);
    boolean misses = false;
    for (int i = 0; i < arguments.size(); i++) {
      String name = arguments.get(i);
      if ("--misses".equals(name)) {
        misses = true;
        continue;
      }
      if (i + 1 >= arguments.size()) {
        throw new IllegalArgumentException(name + " needs a value; usage: " + USAGE);
      }
      String value = arguments.get(++i);
      switch (name) {
        case "--split" -> {
          if (!List.of("test", "tune", "all").contains(value)) {
            throw new IllegalArgumentException("--split: expected test, tune or all");
          }
          split = value;
        }
        case "--file" -> {
          file = Path.of(value);
          if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--file: cannot read " + value);
          }
        }
        case "--mode" -> {
          if ("all".equals(value)) {
            continue;
          }
          try {
            modes = List.of(SearchMode.valueOf(value.toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode: expected hybrid, vector, lexical or all");
          }
        }
        default ->
            throw new IllegalArgumentException("unknown option " + name + "; usage: " + USAGE);
      }
    }
    return new EvalOptions(split, file, modes, misses);
  }

  /** The prompts of the chosen split. */
  public List<EvalPrompt> select(List<EvalPrompt> prompts) {
    List<EvalPrompt> chosen =
        prompts.stream().filter(p -> "all".equals(split) || p.split().equals(split)).toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("no prompts in split " + split);
    }
    return chosen;
  }

  /** The split the per-category table shows. */
  public String categorySplit() {
    return "tune".equals(split) ? "tune" : "test";
  }
}
