package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The options {@code generate-embeddings} takes, in either order, each at most once. */
class MainOptionsTest {
  @Test
  void generateEmbeddingsTakesAllAndAVectorSearchTarget() {
    assertThat(Main.embeddingOptionsValid(List.of())).isTrue();
    assertThat(Main.embeddingOptionsValid(List.of("--all"))).isTrue();
    assertThat(Main.embeddingOptionsValid(List.of("--target", "vector-search"))).isTrue();
    assertThat(Main.embeddingOptionsValid(List.of("--target", "vector-search", "--all"))).isTrue();
    assertThat(Main.embeddingOptionsValid(List.of("--all", "--target", "vector-search"))).isTrue();
  }

  @Test
  void anythingElseIsRefused() {
    assertThat(Main.embeddingOptionsValid(List.of("--target"))).isFalse();
    assertThat(Main.embeddingOptionsValid(List.of("--target", "pgvector"))).isFalse();
    assertThat(Main.embeddingOptionsValid(List.of("--all", "--all"))).isFalse();
    assertThat(Main.embeddingOptionsValid(List.of("vector-search"))).isFalse();
    assertThat(Main.embeddingOptionsValid(List.of("--everything"))).isFalse();
  }
}
