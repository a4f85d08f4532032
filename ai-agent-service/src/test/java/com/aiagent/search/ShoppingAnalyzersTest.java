package com.aiagent.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Korean, English and bilingual analyzers on the words shoppers type. */
class ShoppingAnalyzersTest {
  private static final ShoppingAnalyzers ANALYZERS =
      ((StandardShoppingText) ShoppingText.standard()).analyzers();

  @Test
  void aKoreanCompoundIsKeptWholeBesideItsParts() {
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.korean(), "장마철에 신을 장화"))
        .containsSubsequence("장마철", "장마", "철")
        .contains("장화")
        .doesNotContain("에");
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.korean(), "무기자차 선크림"))
        .contains("선크림")
        .doesNotContain("선", "크림");
  }

  @Test
  void theUserDictionaryKeepsWordsNoriWouldSplitWrongly() {
    // Without it 베개 (pillow) yields 개 (dog) and 반려견 splits into 반려 and 견.
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.korean(), "메모리폼 목베개"))
        .contains("목베개")
        .doesNotContain("개");
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.korean(), "반려견 산책")).contains("반려견");
  }

  @Test
  void koreanParticlesEndingsAndFillerWordsAreDropped() {
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.korean(), "피부가 너무 건조해서 추천해줘"))
        .contains("피부", "건조")
        .doesNotContain("가", "너무", "추천");
  }

  @Test
  void englishPluralsAndInflectionsMeetTheirStem() {
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.english(), "Raincoats and boots for my kids"))
        .containsExactly("raincoat", "boot", "kid");
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.english(), "my dog's harness"))
        .containsExactly("dog", "har");
  }

  @Test
  void theBilingualAnalyzerReadsBothLanguagesInOneText() {
    assertThat(ShoppingAnalyzers.tokens(ANALYZERS.bilingual(), "장마철 raincoats 추천"))
        .contains("장마철", "장마", "raincoat")
        .doesNotContain("추천");
  }
}
