package com.aiagent.store.neo4j;

import com.aiagent.config.AppConfig;
import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import com.aiagent.store.GraphSignals;
import com.aiagent.store.GraphStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionCallback;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The graph in Neo4j through the driver's async API: one session per call, every result handed back
 * on the caller's Vert.x context, nothing blocking. Writes are idempotent ({@code MERGE}, and
 * deleting what exists), so a batch retried after a failure ends in the same graph.
 */
public final class Neo4jGraphStore implements GraphStore {
  private final Vertx vertx;
  private final Driver driver;
  private final SessionConfig session;
  private final TransactionConfig readTx;
  private final TransactionConfig writeTx;
  private final String where;
  private final AtomicLong lastSeq = new AtomicLong();

  private Neo4jGraphStore(Vertx vertx, Driver driver, AppConfig.Neo4j config) {
    this.vertx = vertx;
    this.driver = driver;
    this.session = SessionConfig.forDatabase(config.database());
    this.readTx =
        TransactionConfig.builder().withTimeout(Duration.ofMillis(config.timeoutMs())).build();
    this.writeTx =
        TransactionConfig.builder().withTimeout(Duration.ofMillis(config.writeTimeoutMs())).build();
    this.where = config.uri() + " (database " + config.database() + ")";
  }

  /** A driver for {@code config}, checked to reach the server before the store is answered. */
  public static Future<Neo4jGraphStore> open(Vertx vertx, AppConfig.Neo4j config) {
    Config driverConfig =
        Config.builder()
            .withMaxConnectionPoolSize(config.poolSize())
            .withConnectionAcquisitionTimeout(config.timeoutMs(), TimeUnit.MILLISECONDS)
            .withConnectionTimeout(config.timeoutMs(), TimeUnit.MILLISECONDS)
            // Managed transactions retry transient failures: within a read's budget, not 30 s.
            .withMaxTransactionRetryTime(config.timeoutMs(), TimeUnit.MILLISECONDS)
            .withLogging(Logging.slf4j())
            .build();
    Driver driver =
        GraphDatabase.driver(
            config.uri(),
            config.password() == null
                ? AuthTokens.none()
                : AuthTokens.basic(config.user(), config.password()),
            driverConfig);
    Neo4jGraphStore store = new Neo4jGraphStore(vertx, driver, config);
    return store
        .ping()
        .map(store)
        .recover(
            error ->
                Future.fromCompletionStage(driver.closeAsync(), vertx.getOrCreateContext())
                    .otherwiseEmpty()
                    .compose(
                        v ->
                            Future.failedFuture(
                                new IllegalStateException(
                                    "Neo4j at "
                                        + store.where
                                        + " is not reachable (NEO4J_URI, NEO4J_USER,"
                                        + " NEO4J_PASSWORD): "
                                        + error.getMessage(),
                                    error))));
  }

  /**
   * Creates the constraints, then asks the feed's question once (for nobody), so the server has
   * planned it before the first feed waits on it within {@code neo4j.timeout_ms}.
   */
  @Override
  public Future<Void> migrate() {
    Future<Void> chain = Future.succeededFuture();
    for (String statement : Cypher.SCHEMA) {
      chain =
          chain.compose(
              v ->
                  write(t -> t.runAsync(statement).thenCompose(ResultCursor::consumeAsync))
                      .mapEmpty());
    }
    return chain.compose(v -> signals("", new GraphSignals.Bounds(1, 1, 1, 1, 1))).mapEmpty();
  }

  @Override
  public Future<Void> addEdges(List<Edge> edges) {
    if (edges.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<EdgeType, List<Map<String, Object>>> byType = new EnumMap<>(EdgeType.class);
    for (Edge edge : edges) {
      byType
          .computeIfAbsent(edge.type(), t -> new ArrayList<>())
          .add(Map.of("from", edge.from(), "to", edge.to(), "seq", nextSeq()));
    }
    return write(t -> runAll(t, byType, true)).mapEmpty();
  }

  @Override
  public Future<Void> removeEdges(List<Edge> edges) {
    if (edges.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<EdgeType, List<Map<String, Object>>> byType = new EnumMap<>(EdgeType.class);
    for (Edge edge : edges) {
      byType
          .computeIfAbsent(edge.type(), t -> new ArrayList<>())
          .add(Map.of("from", edge.from(), "to", edge.to()));
    }
    return write(t -> runAll(t, byType, false)).mapEmpty();
  }

  /** The statements of one batch, one per edge type, one after the other in one transaction. */
  private static CompletionStage<Void> runAll(
      AsyncTransactionContext t, Map<EdgeType, List<Map<String, Object>>> byType, boolean add) {
    CompletionStage<Void> chain = java.util.concurrent.CompletableFuture.completedFuture(null);
    for (var entry : byType.entrySet()) {
      String statement = add ? Cypher.addEdges(entry.getKey()) : Cypher.removeEdges(entry.getKey());
      chain =
          chain.thenCompose(
              v ->
                  t.runAsync(statement, Map.of("edges", entry.getValue()))
                      .thenCompose(ResultCursor::consumeAsync)
                      .thenApply(summary -> null));
    }
    return chain;
  }

  @Override
  public Future<List<String>> targets(String userId, EdgeType type) {
    return read(
        t ->
            t.runAsync(Cypher.targets(type), Map.of("user", userId))
                .thenCompose(cursor -> cursor.listAsync(r -> r.get("id").asString())));
  }

  @Override
  public Future<GraphSignals> signals(String userId, GraphSignals.Bounds bounds) {
    Map<String, Object> params =
        Map.of(
            "user", userId,
            "follows", bounds.follows(),
            "recentLikes", bounds.recentLikes(),
            "likersPerLike", bounds.likersPerLike(),
            "followedPeers", bounds.followedPeers(),
            "peerLikes", bounds.peerLikes());
    return read(
        t ->
            t.runAsync(Cypher.SIGNALS, params)
                .thenCompose(ResultCursor::singleAsync)
                .thenApply(
                    r -> {
                      Map<String, Integer> peerLikes = new HashMap<>();
                      for (Value pair : r.get("peerLikes").values()) {
                        peerLikes.put(pair.get(0).asString(), pair.get(1).asInt());
                      }
                      return new GraphSignals(
                          r.get("follows").asList(Value::asString),
                          r.get("likes").asList(Value::asString),
                          peerLikes);
                    }));
  }

  @Override
  public Future<Long> count() {
    return read(
        t ->
            t.runAsync(Cypher.COUNT)
                .thenCompose(ResultCursor::singleAsync)
                .thenApply(r -> r.get("n").asLong()));
  }

  /** One auto-commit statement: no managed retries, so a server that is away fails it at once. */
  @Override
  public Future<Void> ping() {
    AsyncSession s = driver.session(AsyncSession.class, session);
    return inSession(
            s,
            s.runAsync(Cypher.PING, readTx)
                .thenCompose(ResultCursor::singleAsync)
                .thenApply(r -> r.get("ok").asInt()))
        .mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return Future.fromCompletionStage(driver.closeAsync(), vertx.getOrCreateContext());
  }

  /** Microseconds since the epoch, and above the last one handed out: edges keep their order. */
  private long nextSeq() {
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    return lastSeq.updateAndGet(last -> Math.max(last + 1, now));
  }

  private <T> Future<T> read(AsyncTransactionCallback<CompletionStage<T>> work) {
    AsyncSession s = driver.session(AsyncSession.class, session);
    return inSession(s, s.executeReadAsync(work, readTx));
  }

  private <T> Future<T> write(AsyncTransactionCallback<CompletionStage<T>> work) {
    AsyncSession s = driver.session(AsyncSession.class, session);
    return inSession(s, s.executeWriteAsync(work, writeTx));
  }

  /** The work's outcome on this Vert.x context, once the session is closed either way. */
  private <T> Future<T> inSession(AsyncSession s, CompletionStage<T> work) {
    var context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(work, context)
        .eventually(() -> Future.fromCompletionStage(s.closeAsync(), context))
        .recover(error -> Future.failedFuture(unavailable(error)));
  }

  /**
   * A server that cannot be reached or gave up (no connection, a lost session, a transient error
   * still failing after the retries) as a {@link ConnectException}, which callers tell from a bug
   * as a dependency outage (503); other errors as they are.
   */
  private Throwable unavailable(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof ServiceUnavailableException
        || cause instanceof SessionExpiredException
        || cause instanceof TransientException) {
      ConnectException down =
          new ConnectException("Neo4j at " + where + " is unavailable: " + cause.getMessage());
      down.initCause(cause);
      return down;
    }
    return cause;
  }
}
