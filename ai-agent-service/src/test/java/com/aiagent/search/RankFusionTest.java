package com.aiagent.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reciprocal rank fusion: order by summed weight / (k + rank). */
class RankFusionTest {
  @Test
  void anItemHighInBothListsBeatsOneFirstInOnlyOne() {
    List<RankFusion.Fused> fused =
        RankFusion.fuse(
            60, List.of(List.of("a", "b", "c"), List.of("b", "d", "a")), List.of(1.0, 1.0));
    assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("b", "a", "d", "c");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
  }

  @Test
  void weightsTiltTheOrderTowardsTheHeavierList() {
    List<List<String>> rankings = List.of(List.of("v1", "v2"), List.of("w1", "w2"));
    assertThat(RankFusion.fuse(60, rankings, List.of(1.0, 0.5)))
        .extracting(RankFusion.Fused::id)
        .containsExactly("v1", "v2", "w1", "w2");
    assertThat(RankFusion.fuse(60, rankings, List.of(0.5, 1.0)))
        .extracting(RankFusion.Fused::id)
        .containsExactly("w1", "w2", "v1", "v2");
  }

  @Test
  void tiesKeepTheOrderOfFirstAppearanceAndEmptyListsAreFine() {
    assertThat(RankFusion.fuse(60, List.of(List.of("x"), List.of("y")), List.of(1.0, 1.0)))
        .extracting(RankFusion.Fused::id)
        .containsExactly("x", "y");
    assertThat(RankFusion.fuse(60, List.of(List.of(), List.of("y")), List.of(1.0, 1.0)))
        .extracting(RankFusion.Fused::id)
        .containsExactly("y");
  }
}
