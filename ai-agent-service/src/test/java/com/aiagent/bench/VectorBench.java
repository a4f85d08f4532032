package com.aiagent.bench;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.ItemType;
import com.aiagent.store.Stores;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
import com.aiagent.store.pg.PgStores;
import com.pgvector.PGvector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Vector-search latency and HNSW recall@10 on the campaigns table of a seeded database: the vectors
 * of the 15 users and 100 products are the queries; exact answers come from the same query with
 * index scans turned off. Configuration as the service's (APP_ENV=local, PG*).
 *
 * <p>Usage: VectorBench [ef_search ...] (run by scripts/vector_bench.sh).
 */
public final class VectorBench {
  private static final int K = 10;

  public static void main(String[] args) throws Exception {
    AppConfig config = ConfigLoader.load(System.getenv());
    Vertx vertx = Vertx.vertx();
    try {
      Stores stores = await(com.aiagent.StoreWiring.open(vertx, config));
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 15; i++) {
        ids.add(String.format("user_%03d", i));
      }
      for (int i = 1; i <= 100; i++) {
        ids.add(String.format("prod_%03d", i));
      }
      Map<String, float[]> queries = await(stores.vectors().vectors(ids));
      long rows = await(stores.vectors().count(ItemType.CAMPAIGN));
      Pool exactPool = PgStores.pool(vertx, config.postgres());
      List<List<String>> exact = new ArrayList<>();
      List<Double> exactMs = new ArrayList<>();
      for (float[] q : queries.values()) {
        long t = System.nanoTime();
        exact.add(await(exactTop(exactPool, q)));
        exactMs.add((System.nanoTime() - t) / 1e6);
      }
      System.out.printf(
          "campaigns: %d rows, %d queries, k=%d%nexact (index scans off): p50 %.2f ms, p99 %.2f ms%n",
          rows, queries.size(), K, percentile(exactMs, 50), percentile(exactMs, 99));

      List<Integer> efs = new ArrayList<>();
      for (String arg : args) {
        efs.add(Integer.parseInt(arg));
      }
      if (efs.isEmpty()) {
        efs.add(config.postgres().efSearch());
      }
      for (int ef : efs) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("HNSW_EF_SEARCH", String.valueOf(ef));
        AppConfig withEf = ConfigLoader.load(env);
        Stores hnsw = await(PgStores.create(vertx, withEf));
        List<Double> ms = new ArrayList<>();
        List<Double> liveMs = new ArrayList<>();
        double recall = 0;
        int i = 0;
        for (float[] q : queries.values()) {
          long t = System.nanoTime();
          List<VectorMatch> found =
              await(hnsw.vectors().search(VectorQuery.of(ItemType.CAMPAIGN, q, K)));
          ms.add((System.nanoTime() - t) / 1e6);
          Set<String> truth = new HashSet<>(exact.get(i++));
          recall += found.stream().filter(m -> truth.contains(m.id())).count() / (double) K;
          t = System.nanoTime();
          await(
              hnsw.vectors().search(VectorQuery.of(ItemType.CAMPAIGN, q, K).liveAt(Instant.now())));
          liveMs.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf(
            "hnsw ef_search=%d: p50 %.2f ms, p99 %.2f ms; live-only filter: p50 %.2f ms, p99 %.2f ms; recall@%d %.3f%n",
            ef,
            percentile(ms, 50),
            percentile(ms, 99),
            percentile(liveMs, 50),
            percentile(liveMs, 99),
            K,
            recall / queries.size());
        await(hnsw.admin().close());
      }
      await(exactPool.close());
      await(stores.admin().close());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static Future<List<String>> exactTop(Pool pool, float[] q) {
    return pool.withTransaction(
        conn ->
            conn.query("SET LOCAL enable_indexscan = off")
                .execute()
                .compose(
                    v ->
                        conn.preparedQuery(
                                "SELECT id FROM campaigns WHERE embedding IS NOT NULL "
                                    + "ORDER BY embedding <=> $1::vector LIMIT "
                                    + K)
                            .execute(Tuple.of(new PGvector(q).getValue())))
                .map(
                    rows -> {
                      List<String> ids = new ArrayList<>();
                      rows.forEach(r -> ids.add(r.getString(0)));
                      return ids;
                    }));
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
  }
}
