package com.aiagent.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.store.FeedCandidates;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandidatesDocumentTest {
  private static final Instant BUILT = Instant.parse("2026-12-03T07:00:00Z");

  @Test
  void readsTheCompactFormWithItsNulls() {
    FeedCandidates read =
        CandidatesDocument.read(
            BUILT,
            "{\"contents\": [[\"content_001\", \"user_002\", \"beauty\", null, 1764745200000,"
                + " 0.812345, true, 3, null]],"
                + " \"ads\": [[\"camp_001\", \"prod_001\", \"food\", \"글로우랩\", 1.5, 1764547200000,"
                + " 1767225600000, null, 2, 0.5]]}");

    assertThat(read.builtAt()).isEqualTo(BUILT);
    assertThat(read.contents())
        .containsExactly(
            new FeedCandidates.ContentCandidate(
                "content_001",
                "user_002",
                "beauty",
                null,
                Instant.ofEpochMilli(1764745200000L),
                0.812345,
                true,
                3,
                null));
    assertThat(read.ads())
        .containsExactly(
            new FeedCandidates.AdCandidate(
                "camp_001",
                "prod_001",
                "food",
                "글로우랩",
                1.5,
                Instant.ofEpochMilli(1764547200000L),
                Instant.ofEpochMilli(1767225600000L),
                null,
                2,
                0.5));
  }

  @Test
  void readsListsStoredWithIsoInstantsBeforeTheCompactForm() {
    FeedCandidates read =
        CandidatesDocument.read(
            BUILT,
            "{\"contents\": [[\"content_001\", \"user_002\", \"beauty\", \"prod_001\","
                + " \"2026-11-30T10:00:00+09:00\", 0.81234567891234, false, 0, 0.4]], \"ads\": []}");

    assertThat(read.contents().get(0).createdAt()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    assertThat(read.ads()).isEmpty();
  }

  @Test
  void aDocumentOfAnotherShapeIsRefused() {
    assertThatThrownBy(() -> CandidatesDocument.read(BUILT, "[1, 2]"))
        .hasMessageContaining("unreadable");
    assertThatThrownBy(() -> CandidatesDocument.read(BUILT, "{\"contents\": [[\"content_001\""))
        .hasMessageContaining("unreadable");
  }
}
