package com.aiagent;

import ch.qos.logback.classic.LoggerContext;
import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigException;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.Stores;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's entry point: {@code java -jar ai-agent.jar} serves. */
public final class Main {
  /** Cloud Run kills the container 10 s after SIGTERM; leave margin for the JVM to exit. */
  private static final long SHUTDOWN_LIMIT_MS = 8_000;

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    AppConfig config;
    try {
      config = ConfigLoader.load(System.getenv());
    } catch (ConfigException e) {
      System.err.println("ai-agent: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    Vertx vertx = Vertx.vertx();
    Application app = new Application(vertx, config, Stores.inMemory());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down: draining in-flight requests");
                  try {
                    app.stop()
                        .eventually(vertx::close)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(SHUTDOWN_LIMIT_MS, TimeUnit.MILLISECONDS);
                    log.info("stopped");
                  } catch (Exception e) {
                    log.warn("shutdown did not finish cleanly: {}", e.toString());
                  } finally {
                    // The async log appender drops what is queued at exit unless it is stopped.
                    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
                  }
                },
                "shutdown"));
    app.start()
        .onFailure(
            error -> {
              log.error("start-up failed: {}", error.getMessage(), error);
              System.exit(1);
            });
  }
}
