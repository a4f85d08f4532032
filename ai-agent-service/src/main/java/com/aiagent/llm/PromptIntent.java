package com.aiagent.llm;

import java.util.List;
import java.util.Locale;

/**
 * What a prompt asks for, beyond its items: a gift, a low price, something new, or nothing said.
 */
enum PromptIntent {
  GIFT(
      List.of("선물", "기념일", "생일", "집들이", "gift", "present", "birthday", "anniversary"),
      "선물추천",
      "GiftIdeas"),
  BUDGET(
      List.of(
          "가성비",
          "저렴",
          "싼",
          "싸게",
          "합리적",
          "예산",
          "만원",
          "budget",
          "cheap",
          "affordable",
          "under",
          "deal",
          "bargain"),
      "가성비템",
      "BudgetPicks"),
  NEW(
      List.of(
          "신상",
          "새로",
          "새로운",
          "요즘",
          "트렌드",
          "유행",
          "인기",
          "핫한",
          "new",
          "trending",
          "latest",
          "popular",
          "trend"),
      "요즘뜨는",
      "Trending"),
  GENERAL(List.of(), "오늘의추천", "TodaysPick");

  private final List<String> words;
  private final String tagKo;
  private final String tagEn;

  PromptIntent(List<String> words, String tagKo, String tagEn) {
    this.words = words;
    this.tagKo = tagKo;
    this.tagEn = tagEn;
  }

  /** The first intent (gift, budget, new) whose words the prompt contains; else general. */
  static PromptIntent of(String prompt) {
    String text = prompt.toLowerCase(Locale.ROOT);
    for (PromptIntent intent : values()) {
      for (String word : intent.words) {
        if (word.chars().allMatch(c -> c < 128)
            ? text.matches("(?s).*\\b" + word + "\\b.*")
            : text.contains(word)) {
          return intent;
        }
      }
    }
    return GENERAL;
  }

  String hashtag(boolean korean) {
    return korean ? tagKo : tagEn;
  }
}
