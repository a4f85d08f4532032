package com.aiagent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code seed} command never reports "seeded" for stores that vanish when it exits. */
class SeedCommandTest {
  @Test
  void seedOnTheEmbeddedDefaultFailsSayingNothingWouldBeKept() throws Exception {
    AppConfig config = ConfigLoader.load(Map.of());
    Vertx vertx = Vertx.vertx();
    try {
      Stores stores = await(StoreWiring.open(vertx, config));
      assertThatThrownBy(() -> await(Commands.seed(vertx, config, stores)))
          .hasMessageContaining("keeps its stores in memory")
          .hasMessageContaining("nothing seeded now would outlive this command")
          .hasMessageContaining("APP_ENV=local");
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
