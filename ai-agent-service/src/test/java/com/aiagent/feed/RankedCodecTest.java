package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankedCodecTest {
  private static final FeedCache.Ranked RANKED =
      new FeedCache.Ranked(
          Instant.parse("2026-12-03T07:00:00.123Z"),
          List.of(
              new RankedItem(
                  "content_001",
                  "content",
                  "뷰티",
                  0.8123456789,
                  List.of("in_your_interests", "followed_author"),
                  "user_002",
                  Instant.parse("2026-11-30T01:02:03.456Z"),
                  "prod_001",
                  null),
              new RankedItem(
                  "camp_001", "ad", "food", -0.25, List.of(), null, null, null, "글로우랩 Glow Lab")));

  @Test
  void aRankingComesBackAsItWasWritten() {
    assertThat(RankedCodec.decode(RankedCodec.encode(RANKED))).isEqualTo(RANKED);
  }

  @Test
  void aRankingMadeWithoutTheGraphKeepsItsFlag() {
    FeedCache.Ranked degraded = new FeedCache.Ranked(RANKED.asOf(), RANKED.items(), true);
    assertThat(RankedCodec.decode(RankedCodec.encode(degraded)).graphMissing()).isTrue();
    assertThat(RankedCodec.decode(RankedCodec.encode(RANKED)).graphMissing()).isFalse();
  }

  @Test
  void anEntryOfAnotherFormatOrCutShortIsRefused() {
    Buffer json = Buffer.buffer("{\"as_of\":\"2026-12-03T07:00:00Z\",\"items\":[]}");
    assertThatThrownBy(() -> RankedCodec.decode(json)).isInstanceOf(IllegalArgumentException.class);

    Buffer whole = RankedCodec.encode(RANKED);
    for (int cut : new int[] {5, 13, 14, whole.length() / 2, whole.length() - 1}) {
      assertThatThrownBy(() -> RankedCodec.decode(whole.getBuffer(0, cut)))
          .as("cut at %d", cut)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> RankedCodec.decode(whole.copy().appendByte((byte) 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
