package com.aiagent.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one retrieval mode over an evaluation set, as Markdown tables: precision@5, hit@1,
 * MRR and answer@5 (the obvious product among the five, where the set names one) per split and
 * language, then per category of the chosen split, then the latency of one prompt.
 */
public final class EvalReport {
  private final String title;
  private final List<PromptResult> results;

  EvalReport(String title, List<PromptResult> results) {
    this.title = title;
    this.results = List.copyOf(results);
  }

  /** The mean precision@5 of the prompts in {@code split} ("all": every prompt) and language. */
  public double precisionAt5(String split, String lang) {
    return mean(select(split, lang, null), r -> r.precisionAt(5));
  }

  public double hitAt1(String split, String lang) {
    return mean(select(split, lang, null), PromptResult::hitAt1);
  }

  public double mrr(String split, String lang) {
    return mean(select(split, lang, null), PromptResult::reciprocalRank);
  }

  /** The lowest per-category precision@5 in {@code split}. */
  public double worstCategoryPrecision(String split) {
    return categories().stream()
        .mapToDouble(c -> mean(select(split, "all", c), r -> r.precisionAt(5)))
        .min()
        .orElse(0);
  }

  /** The 99th percentile of one prompt's embed-and-search time, in milliseconds. */
  public double p99Millis() {
    return percentile(0.99);
  }

  /** The prompts whose first product misses, or fewer than three of whose five are right. */
  public String misses() {
    StringBuilder out = new StringBuilder();
    for (PromptResult r : results) {
      if (r.hitAt1() == 0 || r.precisionAt(5) < 0.6) {
        out.append(
            String.format(
                Locale.ROOT,
                "miss %s %s %s [%s] %s -> %s %s\n",
                r.prompt().id(),
                r.prompt().split(),
                r.prompt().lang(),
                r.prompt().category(),
                r.prompt().prompt(),
                r.categories(),
                r.ids()));
      }
    }
    return out.toString();
  }

  public String render(String categorySplit) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(title).append("\n\n");
    out.append("| split | lang | prompts | P@5 | hit@1 | MRR | answer@5 |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (String split : List.of("test", "tune", "all")) {
      for (String lang : List.of("ko", "en", "all")) {
        List<PromptResult> rows = select(split, lang, null);
        if (!rows.isEmpty()) {
          out.append(row(split, lang, rows));
        }
      }
    }
    out.append("\n| category (")
        .append(categorySplit)
        .append(") | prompts | P@5 | hit@1 | MRR |\n");
    out.append("|---|---|---|---|---|\n");
    for (String category : categories()) {
      List<PromptResult> rows = select(categorySplit, "all", category);
      if (!rows.isEmpty()) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f |\n",
                category,
                rows.size(),
                mean(rows, r -> r.precisionAt(5)),
                mean(rows, PromptResult::hitAt1),
                mean(rows, PromptResult::reciprocalRank)));
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "\nOne prompt (embed + search), %d prompts one at a time: p50 %.1f ms, p99 %.1f ms\n",
            results.size(),
            percentile(0.50),
            percentile(0.99)));
    return out.toString();
  }

  private String row(String split, String lang, List<PromptResult> rows) {
    List<PromptResult> answered =
        rows.stream().filter(r -> !r.prompt().productIds().isEmpty()).toList();
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d | %.2f | %.2f | %.2f | %s |\n",
        split,
        lang,
        rows.size(),
        mean(rows, r -> r.precisionAt(5)),
        mean(rows, PromptResult::hitAt1),
        mean(rows, PromptResult::reciprocalRank),
        answered.isEmpty()
            ? "-"
            : String.format(Locale.ROOT, "%.2f", mean(answered, r -> r.answerAt(5))));
  }

  private List<String> categories() {
    return new ArrayList<>(
        new TreeSet<>(results.stream().map(r -> r.prompt().category()).toList()));
  }

  private List<PromptResult> select(String split, String lang, String category) {
    Predicate<PromptResult> keep =
        r ->
            ("all".equals(split) || r.prompt().split().equals(split))
                && ("all".equals(lang) || r.prompt().lang().equals(lang))
                && (category == null || r.prompt().category().equals(category));
    return results.stream().filter(keep).toList();
  }

  private static double mean(List<PromptResult> rows, ToDoubleFunction<PromptResult> metric) {
    return rows.stream().mapToDouble(metric).average().orElse(0);
  }

  private double percentile(double q) {
    long[] nanos = results.stream().mapToLong(PromptResult::nanos).sorted().toArray();
    if (nanos.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(q * nanos.length) - 1;
    return Arrays.stream(nanos).skip(Math.max(0, index)).findFirst().orElse(0) / 1e6;
  }
}
