package com.aiagent;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A database of its own for one test class on the real PostgreSQL that scripts/test-services.sh
 * prepared (PGHOST, PGPORT, PGUSER, PGPASSWORD; 127.0.0.1:5432 postgres by default), dropped at the
 * end, so runs never interfere.
 */
public final class PgTestDatabase implements AutoCloseable {
  public final String name =
      "ai_agent_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final Vertx vertx = Vertx.vertx();

  public PgTestDatabase() {
    sql("postgres", "CREATE DATABASE " + name);
  }

  public static String host() {
    return System.getenv().getOrDefault("PGHOST", "127.0.0.1");
  }

  public static int port() {
    return Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
  }

  public static String user() {
    return System.getenv().getOrDefault("PGUSER", "postgres");
  }

  /** The environment that points the service at this database with PostgreSQL stores. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("USE_MOCK_VECTOR_DB", "false");
    env.put("USE_MOCK_GRAPH_DB", "false");
    env.put("PGHOST", host());
    env.put("PGPORT", String.valueOf(port()));
    env.put("PGUSER", user());
    env.put("PGDATABASE", name);
    String password = System.getenv("PGPASSWORD");
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    return env;
  }

  /** Runs one statement in this database and waits for its rows. */
  public RowSet<Row> sql(String statement, Object... params) {
    return sql(name, statement, params);
  }

  public long count(String statement, Object... params) {
    return sql(statement, params).iterator().next().getLong(0);
  }

  private RowSet<Row> sql(String database, String statement, Object... params) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(host())
            .setPort(port())
            .setUser(user())
            .setDatabase(database);
    String password = System.getenv("PGPASSWORD");
    if (password != null) {
      options.setPassword(password);
    }
    Pool pool = PgBuilder.pool().connectingTo(options).using(vertx).build();
    try {
      return (params.length == 0
              ? pool.query(statement).execute()
              : pool.preparedQuery(statement).execute(Tuple.from(params)))
          .toCompletionStage()
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    } finally {
      pool.close();
    }
  }

  @Override
  public void close() {
    try {
      sql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } finally {
      vertx.close();
    }
  }
}
