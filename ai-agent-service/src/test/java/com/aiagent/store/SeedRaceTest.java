package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Ten instances starting together is what Cloud Run does; two racing ones must seed once. */
@Tag("services")
class SeedRaceTest {
  @Test
  void twoInstancesStartingTogetherOnAnEmptyDatabaseSeedOnce() throws Exception {
    try (PgTestDatabase db = new PgTestDatabase()) {
      Vertx first = Vertx.vertx();
      Vertx second = Vertx.vertx();
      TestApp a = TestApp.create(db.env());
      TestApp b = TestApp.create(db.env());
      try {
        Future.all(a.start(first), b.start(second))
            .toCompletionStage()
            .toCompletableFuture()
            .get(120, TimeUnit.SECONDS);

        assertThat(db.count("SELECT count(*) FROM campaigns")).isEqualTo(100);
        assertThat(db.count("SELECT count(*) FROM schema_migrations")).isEqualTo(6);
        // Every insert of an edge, kept or not (ON CONFLICT DO NOTHING), takes a number from the
        // edge sequence: a second seed would have taken as many again as there are edges.
        long edges = db.count("SELECT count(*) FROM edges");
        assertThat(edges).isPositive();
        assertThat(
                db.count(
                    "SELECT last_value FROM "
                        + db.sql("SELECT pg_get_serial_sequence('edges', 'seq')")
                            .iterator()
                            .next()
                            .getString(0)))
            .as("edge rows the seeds wrote")
            .isEqualTo(edges);
      } finally {
        Future.join(a.stop(), b.stop())
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        first.close();
        second.close();
      }
    }
  }
}
