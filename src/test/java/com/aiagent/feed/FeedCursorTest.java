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
}
