package com.aiagent;

import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.embedding.EmbeddingVerticle;
import com.aiagent.evaluation.EvalOptions;
import com.aiagent.evaluation.EvalPrompt;
import com.aiagent.evaluation.EvalSet;
import com.aiagent.evaluation.RetrievalEvaluation;
import com.aiagent.search.HybridSearch;
import com.aiagent.search.SearchMode;
import com.aiagent.seed.Reembedder;
import com.aiagent.seed.SeedVerticle;
import com.aiagent.seed.VectorIndexCopy;
import com.aiagent.store.Stores;
import com.aiagent.store.VectorIndexFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one-off commands beside {@code serve}, the Java counterparts of the original guide's Python
 * scripts: {@code seed} (seed the demo data now) and {@code generate-embeddings} (recompute stored
 * embeddings with the configured provider). Each deploys only the modules it needs.
 */
final class Commands {
  private Commands() {}

  /**
   * Why {@code seed} refuses the embedded default, where it would seed what the exit throws away.
   */
  static final String SEED_NEEDS_POSTGRES =
      "seed writes the demo data to PostgreSQL, and this configuration keeps its stores in memory"
          + " (the embedded default: USE_MOCK_VECTOR_DB=true or APP_ENV=embedded), so nothing seeded"
          + " now would outlive this command; `serve` seeds the in-memory stores at every start. To"
          + " seed a database: APP_ENV=local (or USE_MOCK_VECTOR_DB=false and"
          + " USE_MOCK_GRAPH_DB=false) with DATABASE_URL or PG*";

  static Future<String> seed(Vertx vertx, AppConfig config, Stores stores) {
    if (!config.usesPostgres()) {
      return Future.failedFuture(new IllegalStateException(SEED_NEEDS_POSTGRES));
    }
    return withEmbedding(
        vertx,
        config,
        () ->
            vertx
                .deployVerticle(new SeedVerticle(config, stores, true))
                .compose(vertx::undeploy)
                .compose(v -> stores.catalog().campaignCount())
                .map(count -> "seeded the demo data; " + count + " campaigns stored"));
  }

  /**
   * Re-embeds stale rows ({@code all}: every row); {@code toVectorSearch}: then copies every
   * searched vector into Vector Search, which brings a new or emptied index up to date.
   */
  static Future<String> generateEmbeddings(
      Vertx vertx,
      AppConfig config,
      Stores stores,
      boolean all,
      boolean toVectorSearch,
      Consumer<String> progress) {
    if (!config.usesPostgres()) {
      return Future.failedFuture(
          new IllegalStateException(
              "generate-embeddings works on PostgreSQL (USE_MOCK_VECTOR_DB=false or APP_ENV=local);"
                  + " in-memory vectors are made at every start"));
    }
    if (toVectorSearch && !(stores.vectors() instanceof VectorIndexFeed)) {
      return Future.failedFuture(
          new IllegalStateException(
              "--target vector-search needs Vertex AI Vector Search as the vector index"
                  + " (VECTOR_DB=vertex_vector_search and the VERTEX_VECTOR_SEARCH_* variables)"));
    }
    return withEmbedding(
        vertx,
        config,
        () ->
            stores
                .admin()
                .exclusively(
                    () ->
                        stores
                            .admin()
                            .migrate()
                            .compose(
                                v ->
                                    new Reembedder(
                                            config,
                                            stores,
                                            new EmbeddingClient(
                                                vertx, config.bus().embeddingTimeoutMs()),
                                            progress)
                                        .run(all)))
                .compose(
                    count -> {
                      String reembedded =
                          "re-embedded "
                              + count
                              + " rows with "
                              + config.embedding().activeModel()
                              + "/"
                              + config.embedding().dimension();
                      if (!toVectorSearch) {
                        return Future.succeededFuture(reembedded);
                      }
                      VectorIndexFeed index = (VectorIndexFeed) stores.vectors();
                      return new VectorIndexCopy(config, stores, index, progress)
                          .run()
                          .map(
                              copied ->
                                  reembedded
                                      + "; copied "
                                      + copied
                                      + " vectors into "
                                      + index.indexName());
                    }));
  }

  /**
   * Measures retrieval on a labelled set with the configured stores and embedding provider: seeds
   * them as {@code serve} does (in memory: the demo data embedded now), builds the lexical index,
   * then runs every prompt through each chosen mode and prints the figures as Markdown.
   */
  static Future<String> evalRetrieval(
      Vertx vertx, AppConfig config, Stores stores, EvalOptions options, Consumer<String> out) {
    List<EvalPrompt> prompts;
    try {
      prompts = options.select(EvalSet.load(options.file()));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    HybridSearch search =
        new HybridSearch(vertx, config.search(), stores.catalog(), stores.vectors());
    return withEmbedding(
        vertx,
        config,
        () ->
            vertx
                .deployVerticle(new SeedVerticle(config, stores))
                .compose(vertx::undeploy)
                .compose(v -> search.refresh())
                .compose(v -> RetrievalEvaluation.productCategories(stores.catalog()))
                .compose(
                    categories -> {
                      RetrievalEvaluation evaluation =
                          new RetrievalEvaluation(
                              new EmbeddingClient(vertx, config.bus().embeddingTimeoutMs()),
                              categories);
                      return evalModes(evaluation, search, config, options, prompts, 0, out);
                    })
                .map(
                    v ->
                        "evaluated "
                            + prompts.size()
                            + " prompts with "
                            + config.embedding().provider()
                            + "/"
                            + config.embedding().activeModel()
                            + ", "
                            + search.indexed()
                            + " items indexed"));
  }

  private static Future<Void> evalModes(
      RetrievalEvaluation evaluation,
      HybridSearch search,
      AppConfig config,
      EvalOptions options,
      List<EvalPrompt> prompts,
      int at,
      Consumer<String> out) {
    if (at == options.modes().size()) {
      return Future.succeededFuture();
    }
    SearchMode mode = options.modes().get(at);
    String title =
        mode.name().toLowerCase(java.util.Locale.ROOT)
            + " retrieval, "
            + config.embedding().provider()
            + " embeddings ("
            + config.embedding().activeModel()
            + ")";
    return evaluation
        .run(title, search.inMode(mode), prompts)
        .compose(
            report -> {
              out.accept(report.render(options.categorySplit()));
              if (options.misses()) {
                out.accept(report.misses());
              }
              return evalModes(evaluation, search, config, options, prompts, at + 1, out);
            });
  }

  /** Users whose lists are built per page of the walk, and how many builds run at once. */
  private static final int WARM_PAGE = 200;

  /**
   * Builds and stores the feed candidates of every user (after a bulk load, so that first pages are
   * reads from the start), walking users in id order, a page at a time, the page's builds at once.
   */
  static Future<String> warmCandidates(
      AppConfig config, Stores stores, java.time.Clock clock, Consumer<String> progress) {
    long started = System.nanoTime();
    return warmFrom(config, stores, clock, progress, null, 0)
        .map(
            count ->
                "built the feed candidates of "
                    + count
                    + " users in "
                    + (System.nanoTime() - started) / 1_000_000_000
                    + " s");
  }

  private static Future<Long> warmFrom(
      AppConfig config,
      Stores stores,
      java.time.Clock clock,
      Consumer<String> progress,
      String after,
      long done) {
    return stores
        .catalog()
        .userIds(after, WARM_PAGE)
        .compose(
            ids -> {
              if (ids.isEmpty()) {
                return Future.succeededFuture(done);
              }
              java.time.Instant now = clock.instant();
              java.time.LocalDate day = java.time.LocalDate.ofInstant(now, config.ads().zone());
              var spec = com.aiagent.store.CandidateSpec.forFeed(config.feed(), now, day, true);
              return Future.all(ids.stream().map(id -> stores.feed().build(id, spec)).toList())
                  .compose(
                      built -> {
                        long total = done + ids.size();
                        progress.accept("warm-candidates: " + total + " users built");
                        return warmFrom(
                            config, stores, clock, progress, ids.get(ids.size() - 1), total);
                      });
            });
  }

  private static Future<String> withEmbedding(
      Vertx vertx, AppConfig config, java.util.function.Supplier<Future<String>> work) {
    RedisCache redis = new RedisCache(config.redis());
    return vertx
        .deployVerticle(redis)
        .compose(cache -> vertx.deployVerticle(new EmbeddingVerticle(config, redis)))
        .compose(id -> work.get());
  }
}
