package com.aiagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.store.VectorMath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashingEmbedderTest {
  private final HashingEmbedder embedder = new HashingEmbedder("local-hashing-v1", 768);

  @Test
  void hashIsFnv1a64SoVectorsAreTheSameInEveryJvm() {
    // Published FNV-1a 64-bit test vectors: no JVM-specific hashing is involved.
    assertThat(HashingEmbedder.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
    assertThat(HashingEmbedder.fnv1a64("a".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(HashingEmbedder.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void vectorsAre768DimensionalUnitLengthAndRepeatable() {
    float[] a = embedder.embed("가을 니트 패션 아이템 Autumn knit");
    float[] b = new HashingEmbedder("local-hashing-v1", 768).embed("가을 니트 패션 아이템 Autumn knit");
    assertThat(a).hasSize(768).containsExactly(b);
    assertThat(VectorMath.dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void koreanPromptIsClosestToKoreanTextOfTheSameTopic() {
    float[] prompt = embedder.embed("오늘 기분 좋은 패션 아이템 추천해줘");
    double fashion = VectorMath.dot(prompt, embedder.embed("데일리 코디에 좋은 린넨 셔츠, 여름 패션 아이템"));
    double pets = VectorMath.dot(prompt, embedder.embed("반려동물을 위한 유기농 강아지 사료"));
    assertThat(fashion).isGreaterThan(pets + 0.1);
  }

  @Test
  void koreanParticlesStillMatchTheStem() {
    float[] stem = embedder.embed("패션");
    assertThat(VectorMath.dot(stem, embedder.embed("패션은"))).isGreaterThan(0.25);
    assertThat(VectorMath.dot(stem, embedder.embed("여행은"))).isLessThan(0.1);
  }

  @Test
  void englishTextMatchesEnglishTopic() {
    float[] prompt = embedder.embed("running shoes for my fitness routine");
    double fitness =
        VectorMath.dot(
            prompt, embedder.embed("Lightweight running shoes for daily fitness training"));
    double books = VectorMath.dot(prompt, embedder.embed("A hardcover novel for quiet evenings"));
    assertThat(fitness).isGreaterThan(books + 0.2);
  }

  @Test
  void textWithoutLettersIsTheZeroVector() {
    assertThat(embedder.embed("!!! ???")).containsOnly(0f);
  }
}
