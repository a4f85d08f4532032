package com.aiagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.search.ShoppingText;
import org.junit.jupiter.api.Test;

/** The offline concept embedder: everyday words of either language land near the right item. */
class ConceptEmbedderTest {
  private static final TextEmbedder EMBEDDER = LocalEmbedder.of(LocalEmbedder.CONCEPT, 768);

  private static double cosine(String a, String b) {
    float[] x = EMBEDDER.embed(a);
    float[] y = EMBEDDER.embed(b);
    double dot = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * y[i];
    }
    return dot;
  }

  private static final String RAINCOAT =
      "키즈 Kids 유아 방수 우비 세트 Toddler Waterproof Raincoat Set raincoat rainboots toddler";
  private static final String SUNSCREEN =
      "뷰티 Beauty 무기자차 톤업 선크림 Mineral Tone-Up Sunscreen spf sunscreen mineral";

  @Test
  void aKoreanPromptWithoutTheCatalogueWordsMeetsTheEnglishNamedItem() {
    assertThat(cosine("장마철 어린이집 등원할 때", RAINCOAT))
        .isGreaterThan(cosine("장마철 어린이집 등원할 때", SUNSCREEN) + 0.2);
    assertThat(cosine("something to protect my face from uv rays", SUNSCREEN))
        .isGreaterThan(cosine("something to protect my face from uv rays", RAINCOAT));
  }

  @Test
  void vectorsAreUnitLengthDeterministicAndOfTheConfiguredSize() {
    float[] a = EMBEDDER.embed("장마철 rainy day");
    float[] b =
        new ConceptEmbedder("local-concept-v1", 768, ShoppingText.standard())
            .embed("장마철 rainy day");
    assertThat(a).hasSize(768).containsExactly(b);
    double norm = 0;
    for (float v : a) {
      norm += v * v;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
  }

  @Test
  void theModelNameChoosesTheEmbedder() {
    assertThat(LocalEmbedder.of(LocalEmbedder.HASHING, 768)).isInstanceOf(HashingEmbedder.class);
    assertThat(LocalEmbedder.of(LocalEmbedder.CONCEPT, 768)).isInstanceOf(ConceptEmbedder.class);
  }
}
