package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code warm-candidates} stores every user's feed candidates, so first pages are reads. */
@Tag("services")
class WarmCandidatesTest {
  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void everyUserGetsStoredCandidates() throws Exception {
    try (PgTestDatabase db = new PgTestDatabase()) {
      Vertx vertx = Vertx.vertx();
      TestApp app = TestApp.create(db.env());
      try {
        await(app.start(vertx));
        db.sql("DELETE FROM feed_candidates");
        List<String> progress = new ArrayList<>();
        String result =
            await(
                Commands.warmCandidates(app.config, app.stores, Clock.systemUTC(), progress::add));
        assertThat(result).startsWith("built the feed candidates of 15 users");
        assertThat(progress).containsExactly("warm-candidates: 15 users built");
        assertThat(db.count("SELECT count(*) FROM feed_candidates")).isEqualTo(15);
        assertThat(
                db.count(
                    "SELECT count(*) FROM feed_candidates WHERE json_array_length(document->'contents') > 0"))
            .isEqualTo(15);
      } finally {
        await(app.stop());
        await(vertx.close());
      }
    }
  }
}
