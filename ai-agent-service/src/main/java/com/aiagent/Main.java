package com.aiagent;

import ch.qos.logback.classic.LoggerContext;
import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigException;
import com.aiagent.config.ConfigLoader;
import com.aiagent.evaluation.EvalOptions;
import com.aiagent.logging.LogFormat;
import com.aiagent.metrics.AppMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: {@code java -jar ai-agent.jar} serves; {@code seed}, {@code generate-embeddings
 * [--all] [--target vector-search]}, {@code warm-candidates} and {@code eval-retrieval [options]}
 * run one command and exit.
 */
public final class Main {
  private static final String USAGE =
      "usage: java -jar ai-agent.jar [serve | seed | generate-embeddings [--all] [--target"
          + " vector-search] | warm-candidates"
          + " | "
          + EvalOptions.USAGE
          + "]";

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    var logProblem = LogFormat.problem(System.getenv());
    if (logProblem.isPresent()) {
      System.err.println("ai-agent: configuration error: " + logProblem.get());
      System.exit(2);
      return;
    }
    LogFormat.apply(System.getenv());
    List<String> arguments = List.of(args);
    String command = arguments.isEmpty() ? "serve" : arguments.get(0);
    EvalOptions evalOptions = null;
    if ("eval-retrieval".equals(command)) {
      try {
        evalOptions = EvalOptions.parse(arguments.subList(1, arguments.size()));
      } catch (IllegalArgumentException e) {
        System.err.println("ai-agent: " + e.getMessage());
        System.exit(2);
        return;
      }
    } else if (!List.of("serve", "seed", "generate-embeddings", "warm-candidates").contains(command)
        || !("generate-embeddings".equals(command)
            ? embeddingOptionsValid(arguments.subList(1, arguments.size()))
            : arguments.size() <= 1)) {
      System.err.println(USAGE);
      System.exit(command.equals("--help") || command.equals("help") ? 0 : 2);
      return;
    }
    AppConfig config;
    try {
      config = ConfigLoader.loadFromProcess();
    } catch (ConfigException e) {
      System.err.println("ai-agent: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Native transport where available (Linux): it is what lets PostgreSQL use a Unix socket.
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true);
    if (config.metrics().enabled()) {
      options.setMetricsOptions(AppMetrics.options());
    }
    if ("serve".equals(command) && config.cluster().enabled()) {
      ClusteredVertx.build(options, config.cluster())
          .onSuccess(clustered -> serve(clustered, config))
          .onFailure(
              error -> {
                System.err.println(
                    "ai-agent: the cluster could not be joined: " + error.getMessage());
                System.exit(1);
              });
      return;
    }
    Vertx vertx = Vertx.builder().with(options).build();
    if ("serve".equals(command)) {
      serve(vertx, config);
    } else {
      run(
          vertx,
          config,
          command,
          arguments.contains("--all"),
          arguments.contains("--target"),
          evalOptions);
    }
  }

  private static void serve(Vertx vertx, AppConfig config) {
    Logger log = LoggerFactory.getLogger(Main.class);
    Application[] app = new Application[1];
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down: draining in-flight requests");
                  try {
                    Future<Void> stopped =
                        app[0] == null ? Future.succeededFuture() : app[0].stop();
                    stopped
                        .eventually(vertx::close)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(config.http().shutdownLimitMs(), TimeUnit.MILLISECONDS);
                    log.info("stopped");
                  } catch (Exception e) {
                    log.warn("shutdown did not finish cleanly: {}", e.toString());
                  } finally {
                    // The async log appender drops what is queued at exit unless it is stopped.
                    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
                  }
                },
                "shutdown"));
    StoreWiring.open(vertx, config)
        .compose(
            stores -> {
              app[0] = new Application(vertx, config, stores);
              return app[0].start();
            })
        .onFailure(
            error -> {
              log.error("start-up failed: {}", error.getMessage());
              log.debug("start-up failure", error);
              // Not on this event loop: the shutdown hook waits for Vert.x to close.
              new Thread(() -> System.exit(1), "exit").start();
            });
  }

  /** {@code --all} and {@code --target vector-search}, each at most once, in either order. */
  static boolean embeddingOptionsValid(List<String> options) {
    List<String> rest = new java.util.ArrayList<>(options);
    if (rest.remove("--target")) {
      int at = options.indexOf("--target");
      if (at + 1 >= options.size() || !"vector-search".equals(options.get(at + 1))) {
        return false;
      }
      rest.remove("vector-search");
    }
    rest.remove("--all");
    return rest.isEmpty();
  }

  private static void run(
      Vertx vertx,
      AppConfig config,
      String command,
      boolean all,
      boolean toVectorSearch,
      EvalOptions evalOptions) {
    Logger log = LoggerFactory.getLogger(Main.class);
    StoreWiring.open(vertx, config)
        .compose(
            stores ->
                (switch (command) {
                      case "seed" -> Commands.seed(vertx, config, stores);
                      case "warm-candidates" ->
                          Commands.warmCandidates(
                              config, stores, java.time.Clock.systemUTC(), log::info);
                      case "eval-retrieval" ->
                          Commands.evalRetrieval(
                              vertx, config, stores, evalOptions, System.out::println);
                      default ->
                          Commands.generateEmbeddings(
                              vertx, config, stores, all, toVectorSearch, log::info);
                    })
                    .eventually(() -> stores.admin().close()))
        .onComplete(
            done -> {
              int status = 0;
              if (done.succeeded()) {
                log.info("{}: {}", command, done.result());
              } else {
                log.error("{} failed: {}", command, done.cause().getMessage());
                status = 1;
              }
              int exit = status;
              vertx
                  .close()
                  .onComplete(
                      closed -> {
                        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
                        System.exit(exit);
                      });
            });
  }
}
