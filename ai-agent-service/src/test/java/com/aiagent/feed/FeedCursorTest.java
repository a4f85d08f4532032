package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.bus.ServiceFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCursorTest {
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

  @Test
  void cursorRoundTripsAndRejectsForgeries() {
    FeedCursor cursor = new FeedCursor(20, NOW, 20, "user_001");
    assertThat(FeedCursor.decode(cursor.encode(), NOW.plusSeconds(1), "user_001", 20))
        .isEqualTo(cursor);
    for (String bad :
        List.of(
            "???",
            "djE6MTow",
            new FeedCursor(20, NOW.plusSeconds(60), 20, "user_001").encode(),
            new FeedCursor(0, NOW, 20, "user_001").encode(),
            "dj I6YWJjOjE")) {
      assertThatThrownBy(() -> FeedCursor.decode(bad, NOW, "user_001", 20))
          .isInstanceOf(ServiceFailure.class)
          .hasMessageContaining("cursor");
    }
  }

  @Test
  void aCursorBelongsToOneUsersWalkAtOneLimit() {
    String cursor = new FeedCursor(20, NOW, 20, "user_001").encode();
    assertThatThrownBy(() -> FeedCursor.decode(cursor, NOW, "user_002", 20))
        .isInstanceOf(ServiceFailure.class)
        .hasMessageContaining("another user");
    assertThatThrownBy(() -> FeedCursor.decode(cursor, NOW, "user_001", 10))
        .isInstanceOf(ServiceFailure.class)
        .hasMessageContaining("limit 20");
  }

  @Test
  void aCursorCarriesItsPlaceAmongTheAiPosts() {
    String post = "3ac7ce92-b437-40e1-b316-aeb3f6ec1523";
    FeedCursor cursor = new FeedCursor(18, NOW, 20, "user_001", NOW.minusSeconds(5), post);
    assertThat(FeedCursor.decode(cursor.encode(), NOW, "user_001", 20)).isEqualTo(cursor);
    // A page of AI posts only moves no ranked offset; the AI position says where it is.
    FeedCursor onlyPosts = new FeedCursor(0, NOW, 1, "user_001", NOW.minusSeconds(5), post);
    assertThat(FeedCursor.decode(onlyPosts.encode(), NOW, "user_001", 1)).isEqualTo(onlyPosts);
    for (FeedCursor bad :
        List.of(
            new FeedCursor(0, NOW, 20, "user_001", NOW, null),
            new FeedCursor(5, NOW.plusSeconds(60), 20, "user_001", NOW, null),
            new FeedCursor(5, NOW, 20, "user_001", NOW, "not-a-post"),
            new FeedCursor(5, NOW, 20, "user_001", NOW, post.toUpperCase()))) {
      assertThatThrownBy(() -> FeedCursor.decode(bad.encode(), NOW, "user_001", 20))
          .isInstanceOf(ServiceFailure.class)
          .hasMessageContaining("cursor");
    }
  }

  @Test
  void aCursorFromBeforeAiPostsStillWalks() {
    String before =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("v2:" + NOW.toEpochMilli() + ":20:20:" + walkOf("user_001"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(FeedCursor.decode(before, NOW, "user_001", 20))
        .isEqualTo(new FeedCursor(20, NOW, 20, "user_001", NOW, null));
  }

  private static String walkOf(String userId) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }
}
