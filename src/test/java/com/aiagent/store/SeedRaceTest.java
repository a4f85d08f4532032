package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import com.aiagent.seed.SeedVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Ten instances starting together is what Cloud Run does; two racing ones must seed once. */
@Tag("services")
class SeedRaceTest {
  @Test
  void twoInstancesStartingTogetherOnAnEmptyDatabaseSeedOnce() throws Exception {
    Logger seedLog = (Logger) LoggerFactory.getLogger(SeedVerticle.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    seedLog.addAppender(events);
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

        List<String> messages =
            events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages.stream().filter(m -> m.startsWith("seeded "))).hasSize(1);
        assertThat(messages.stream().filter(m -> m.startsWith("seed skipped"))).hasSize(1);
        assertThat(db.count("SELECT count(*) FROM campaigns")).isEqualTo(100);
        assertThat(db.count("SELECT count(*) FROM schema_migrations")).isEqualTo(4);
      } finally {
        Future.join(a.stop(), b.stop())
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        first.close();
        second.close();
      }
    } finally {
      seedLog.detachAppender(events);
    }
  }
}
