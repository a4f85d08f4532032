package com.aiagent.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** A store that cannot be reached is "unavailable" (503) on the bus, not "internal" (500). */
@ExtendWith(VertxExtension.class)
class DependencyDownTest {
  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Pool pool(Vertx vertx) {
    return PgBuilder.pool()
        .connectingTo(
            new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(TestApp.freePort())
                .setDatabase("none")
                .setUser("none"))
        .with(new PoolOptions().setMaxSize(1))
        .using(vertx)
        .build();
  }

  private static int failureCode(Vertx vertx, Pool pool) throws Exception {
    BusEndpoint.serve(
        vertx, "test.store", String.class, q -> pool.query("SELECT 1").execute().map(r -> "ok"));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    await(
        vertx
            .eventBus()
            .request("test.store", "q")
            .<Void>transform(
                done -> {
                  failure.set(done.cause());
                  return Future.succeededFuture();
                }));
    assertThat(failure.get()).isInstanceOf(ReplyException.class);
    return ((ReplyException) failure.get()).failureCode();
  }

  @Test
  void aRefusedConnectionAnswersUnavailable(Vertx vertx) throws Exception {
    assertThat(failureCode(vertx, pool(vertx))).isEqualTo(503);
  }

  @Test
  void aClosedPoolAnswersUnavailable(Vertx vertx) throws Exception {
    Pool pool = pool(vertx);
    await(pool.close());
    assertThat(failureCode(vertx, pool)).isEqualTo(503);
  }

  @Test
  void aBugStaysInternal() {
    assertThat(DependencyDown.test(new IllegalStateException("bug"))).isFalse();
    assertThat(DependencyDown.test(new RuntimeException(new java.net.ConnectException("x"))))
        .isTrue();
  }

  @Test
  void anOutageIsLoggedOncePerInterval() {
    AtomicLong now = new AtomicLong(1_000);
    OutageLog log = new OutageLog(LoggerFactory.getLogger("test"), 30_000, now::get);
    Throwable down = new java.net.ConnectException("refused");
    assertThat(log.warn("feed.get", down)).isTrue();
    for (int i = 0; i < 1000; i++) {
      now.addAndGet(10);
      assertThat(log.warn("feed.get", down)).isFalse();
    }
    assertThat(log.warn("events.record", down)).as("another source").isTrue();
    now.addAndGet(30_000);
    assertThat(log.warn("feed.get", down)).isTrue();
  }
}
