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
  void withNothingRelevantThePostSaysSoAndSuggestsTheClosestCategories() {
    WrittenPost ko =
        writer.writeNow(
            new WritePostRequest(
                "자동차 타이어 교체하고 싶어",
                Language.KO,
                USER,
                List.of(),
                List.of(),
                CATEGORIES,
                List.of("beauty", "fashion")));
    assertThat(ko.title()).contains("찾지 못했어요");
    assertThat(ko.content())
        .contains("자동차 타이어 교체하고 싶어")
        .contains("찾지 못했어요")
        .contains("뷰티, 패션")
        .doesNotContain("원)");
    assertThat(ko.productIds()).isEmpty();
    assertThat(ko.campaignIds()).isEmpty();
    assertThat(ko.hashtags()).containsExactly("뷰티", "패션");
    assertThat(new PostValidator().problems(ko, nothingFoundRequest())).isEmpty();

    WrittenPost en =
        writer.writeNow(
            new WritePostRequest(
                "car insurance quote",
                Language.EN,
                USER,
                List.of(),
                List.of(),
                CATEGORIES,
                List.of("fashion")));
    assertThat(en.content())
        .contains("we found no product that matches \"car insurance quote\"")
        .contains("The closest categories are Fashion");
    assertThat(en.callToAction()).isEqualTo("Browse Fashion");
  }

  private static WritePostRequest nothingFoundRequest() {
    return new WritePostRequest(
        "자동차 타이어 교체하고 싶어",
        Language.KO,
        USER,
        List.of(),
        List.of(),
        CATEGORIES,
        List.of("beauty", "fashion"));
  }

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

  private static final Product MAT =
      new Product(
          "prod_041",
          "fitness",
          "논슬립 요가 매트",
          "Non-slip Yoga Mat",
          25000,
          "운동 아이템",
          "workout item",
          List.of("yoga", "mat"));

  private WrittenPost korean(String prompt, List<Product> products) {
    return writer.writeNow(
        new WritePostRequest(prompt, Language.KO, USER, products, List.of(), CATEGORIES));
  }

  @Test
  void copyFollowsWhatThePromptAsksFor() {
    WrittenPost gift = korean("엄마 생일 선물로 뭐가 좋을까", List.of(COAT, SHIRT));
    WrittenPost budget = korean("가성비 좋은 옷 찾아줘", List.of(COAT, SHIRT));
    WrittenPost trending = korean("요즘 유행하는 옷", List.of(COAT, SHIRT));
    WrittenPost plain = korean("옷 추천해줘", List.of(COAT, SHIRT));

    assertThat(gift.title()).contains("선물");
    assertThat(gift.hashtags()).contains("#선물추천");
    assertThat(gift.callToAction()).contains("선물하기");
    assertThat(budget.title()).contains("가성비").endsWith(SHIRT.nameKo());
    assertThat(budget.content()).contains("39,000원부터");
    assertThat(budget.productIds()).containsExactlyInAnyOrder("prod_001", "prod_002");
    assertThat(trending.title()).contains("요즘 뜨는");
    assertThat(trending.hashtags()).contains("#요즘뜨는");
    assertThat(List.of(gift.content(), budget.content(), trending.content(), plain.content()))
        .doesNotHaveDuplicates();

    WrittenPost english =
        writer.writeNow(
            new WritePostRequest(
                "a birthday gift under 50,000 won",
                Language.EN,
                USER,
                List.of(COAT),
                List.of(),
                CATEGORIES));
    assertThat(english.title()).contains("gifts");
    assertThat(english.hashtags()).contains("#GiftIdeas");
  }

  @Test
  void copyFollowsTheLeadItemsCategory() {
    String fashion = korean("추천해줘", List.of(SHIRT)).content();
    String fitness = korean("추천해줘", List.of(MAT)).content();
    assertThat(fashion).contains("코디");
    assertThat(fitness).contains("운동").doesNotContain("코디");
  }

  @Test
  void koreanPostsGetKoreanHashtags() {
    WrittenPost post = korean("린넨 셔츠 추천", List.of(SHIRT, COAT));
    assertThat(post.hashtags())
        .isNotEmpty()
        .allSatisfy(tag -> assertThat(Language.detect(tag)).as(tag).isEqualTo(Language.KO))
        .contains("#패션", "#린넨오버핏셔츠");
  }

  @Test
  void claimsAnInterestMatchOnlyForItemsThatMatch() {
    WrittenPost unrelated = korean("운동 용품", List.of(MAT));
    assertThat(unrelated.content()).doesNotContain("관심사").contains("요청하신 내용을 기준으로");

    WrittenPost fashion = korean("셔츠", List.of(SHIRT));
    assertThat(fashion.content()).contains("관심사(패션)에 맞춰 준비했어요").doesNotContain("뷰티");

    WrittenPost english =
        writer.writeNow(
            new WritePostRequest("yoga", Language.EN, USER, List.of(MAT), List.of(), CATEGORIES));
    assertThat(english.content()).doesNotContain("interests").contains("what you asked for");
  }

  @Test
  void anUnsupportedLanguageIsSaidPlainly() {
    String prompt = "おしゃれなコートをおすすめして";
    assertThat(Language.detect(prompt)).isEqualTo(Language.EN);
    assertThat(Language.unsupported(prompt)).contains("Japanese");
    assertThat(Language.unsupported("冬季外套推荐")).contains("Chinese");
    assertThat(Language.unsupported("오늘의 코트 추천")).isEmpty();
    assertThat(Language.unsupported("a warm coat")).isEmpty();

    WrittenPost post =
        writer.writeNow(
            new WritePostRequest(prompt, Language.EN, USER, List.of(COAT), List.of(), CATEGORIES));
    assertThat(post.content())
        .startsWith(
            "Note: posts in Japanese are not supported yet, so this one is written in English.");
    assertThat(
            new PostValidator()
                .problems(
                    post,
                    new WritePostRequest(
                        prompt, Language.EN, USER, List.of(COAT), List.of(), CATEGORIES)))
        .isEmpty();
  }
}
