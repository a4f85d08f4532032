package com.aiagent.evaluation;

import java.util.List;

/** What one prompt retrieved: the categories of its products, in rank order, and their ids. */
record PromptResult(EvalPrompt prompt, List<String> ids, List<String> categories, long nanos) {
  /** Share of the first {@code k} products in the expected category (k counted even if fewer). */
  double precisionAt(int k) {
    long right = categories.stream().limit(k).filter(prompt.category()::equals).count();
    return (double) right / k;
  }

  /** 1 when the first product is of the expected category. */
  double hitAt1() {
    return !categories.isEmpty() && categories.get(0).equals(prompt.category()) ? 1 : 0;
  }

  /** 1 / rank of the first product of the expected category; 0 when none was retrieved. */
  double reciprocalRank() {
    for (int i = 0; i < categories.size(); i++) {
      if (categories.get(i).equals(prompt.category())) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** For prompts with an obvious answer: 1 when one of them is among the first {@code k}. */
  double answerAt(int k) {
    return ids.stream().limit(k).anyMatch(prompt.productIds()::contains) ? 1 : 0;
  }
}
