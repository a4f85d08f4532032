package com.aiagent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.llm.WritePostRequest.Campaign;
import com.aiagent.llm.WritePostRequest.Category;
import com.aiagent.llm.WritePostRequest.Product;
import com.aiagent.llm.WritePostRequest.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalPostWriterTest {
  private static final User USER =
      new User("user_001", "김민지", "Kim Minji", List.of("fashion", "beauty"));
  private static final Product SHIRT =
      new Product(
          "prod_001",
          "fashion",
          "린넨 오버핏 셔츠",
          "Linen Overfit Shirt",
          39000,
          "패션 아이템",
          "fashion item",
          List.of("linen", "shirt"));
  private static final Product COAT =
      new Product(
          "prod_002",
          "fashion",
          "울 블렌드 코트",
          "Wool Blend Coat",
          159000,
          "패션 아이템",
          "fashion item",
          List.of("coat"));
  private static final Product NOT_RETRIEVED =
      new Product(
          "prod_050", "fitness", "요가 매트", "Yoga Mat", 25000, "피트니스", "fitness", List.of("yoga"));
  private static final Campaign SALE =
      new Campaign("camp_001", "prod_001", "린넨 셔츠 20% 할인", "20% off linen shirts");
  private static final List<Category> CATEGORIES =
      List.of(new Category("fashion", "패션", "Fashion"), new Category("beauty", "뷰티", "Beauty"));

  private final LocalPostWriter writer = new LocalPostWriter();

  @Test
  void koreanPromptGetsAKoreanPostWithExactNamesAndPrices() {
    WrittenPost post =
        writer.writeNow(
            new WritePostRequest(
                "오늘 기분 좋은 패션 아이템 추천해줘",
                Language.KO,
                USER,
                List.of(SHIRT, COAT),
                List.of(SALE),
                CATEGORIES));
    assertThat(post.title()).contains("김민지").contains("린넨 오버핏 셔츠");
    assertThat(post.content())
        .contains("린넨 오버핏 셔츠 (39,000원)")
        .contains("울 블렌드 코트 (159,000원)")
        .contains("린넨 셔츠 20% 할인")
        .doesNotContain("Linen Overfit Shirt");
    assertThat(Language.detect(post.content())).isEqualTo(Language.KO);
    assertThat(post.hashtags()).first().isEqualTo("#패션");
    assertThat(post.callToAction()).contains("린넨 오버핏 셔츠");
    assertThat(post.productIds()).containsExactly("prod_001", "prod_002");
    assertThat(post.campaignIds()).containsExactly("camp_001");
    assertThat(post.provider()).isEqualTo("local");
  }

  @Test
  void englishPromptGetsAnEnglishPost() {
    WrittenPost post =
        writer.writeNow(
            new WritePostRequest(
                "something stylish for autumn",
                Language.EN,
                USER,
                List.of(COAT),
                List.of(),
                CATEGORIES));
    assertThat(post.title()).contains("Wool Blend Coat").contains("Kim Minji");
    assertThat(post.content()).contains("Wool Blend Coat (KRW 159,000)").doesNotContain("울 블렌드 코트");
    assertThat(Language.detect(post.content())).isEqualTo(Language.EN);
    assertThat(post.imagePrompt()).contains("Wool Blend Coat");
  }

  @Test
  void mentionsNoItemItWasNotGiven() {
    WrittenPost post =
        writer.writeNow(
            new WritePostRequest(
                "운동할 때 필요한 것", Language.KO, USER, List.of(SHIRT), List.of(), CATEGORIES));
    String all =
        post.title() + post.content() + post.callToAction() + post.imagePrompt() + post.hashtags();
    assertThat(all)
        .doesNotContain(NOT_RETRIEVED.nameKo())
        .doesNotContain(NOT_RETRIEVED.nameEn())
        .doesNotContain(COAT.nameKo());
  }

  @Test
  void languageFollowsTheScriptOfThePrompt() {
    assertThat(Language.detect("오늘 기분 좋은 패션 아이템 추천해줘")).isEqualTo(Language.KO);
    assertThat(Language.detect("Nike 러닝화 추천")).isEqualTo(Language.KO);
    assertThat(Language.detect("recommend a coat")).isEqualTo(Language.EN);
    assertThat(Language.detect("12345")).isEqualTo(Language.EN);
  }
}
