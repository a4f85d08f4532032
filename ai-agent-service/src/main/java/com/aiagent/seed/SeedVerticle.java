package com.aiagent.seed;

import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.embedding.TaskType;
import com.aiagent.store.Dataset;
import com.aiagent.store.StoredModel;
import com.aiagent.store.Stores;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorIndexFeed;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once at deploy: under the stores' exclusive lock (a PostgreSQL advisory lock, so instances
 * starting together seed once) it migrates the schema and, when fewer than {@code
 * seed.min_campaigns} campaigns exist (or when forced by the {@code seed} command), embeds the demo
 * data in batches of {@code embedding.batch_size} through the embedding module (a batch is tried
 * again with backoff while that module is unavailable or slow, {@code seed.embed_*}) and writes it
 * in one go. Then it checks that every stored vector comes from the configured embedding model. Its
 * start completes when all of that is done; the application then undeploys it.
 */
public final class SeedVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SeedVerticle.class);
  static final String REEMBED_COMMAND =
      "java -jar ai-agent.jar generate-embeddings (scripts/generate_embeddings.sh;"
          + " in the container: java -jar /app/ai-agent.jar generate-embeddings)";

  private final AppConfig config;
  private final Stores stores;
  private final boolean force;

  public SeedVerticle(AppConfig config, Stores stores) {
    this(config, stores, false);
  }

  /** {@code force}: seed whatever the stores hold (the {@code seed} command). */
  public SeedVerticle(AppConfig config, Stores stores, boolean force) {
    this.config = config;
    this.stores = stores;
    this.force = force;
  }

  @Override
  public Future<?> start() {
    return stores
        .admin()
        .exclusively(() -> stores.admin().migrate().compose(v -> seedIfNeeded()))
        .compose(v -> checkModels());
  }

  private Future<Void> seedIfNeeded() {
    if (!config.seed().enabled() && !force) {
      LOG.info("seed disabled by configuration");
      return Future.succeededFuture();
    }
    return stores
        .catalog()
        .campaignCount()
        .compose(
            count -> {
              if (count >= config.seed().minCampaigns() && !force) {
                LOG.info("seed skipped: {} campaigns already stored", count);
                return graphIfEmpty();
              }
              return demoData().compose(this::seed);
            });
  }

  /** A graph kept apart from the catalog (in memory) starts empty; it gets the demo edges. */
  private Future<Void> graphIfEmpty() {
    return stores
        .graph()
        .count()
        .compose(
            edges ->
                edges > 0
                    ? Future.succeededFuture()
                    : demoData().compose(data -> stores.graph().addEdges(data.edges())));
  }

  /** The demo files are read off the class path on a worker thread, not on the event loop. */
  private Future<DemoData> demoData() {
    return vertx.executeBlocking(DemoData::load, false);
  }

  private Future<Void> seed(DemoData data) {
    long started = System.nanoTime();
    EmbeddingClient embedding = new EmbeddingClient(vertx, config.bus().embeddingTimeoutMs());
    EmbedRetry retry = new EmbedRetry(vertx, config.seed());
    List<EmbeddingRow> pending = pending(data);
    List<VectorEntry> vectors = new ArrayList<>(pending.size());
    Future<Void> chain = Future.succeededFuture();
    int batchSize = config.embedding().batchSize();
    for (int from = 0; from < pending.size(); from += batchSize) {
      List<EmbeddingRow> batch = pending.subList(from, Math.min(from + batchSize, pending.size()));
      chain =
          chain.compose(
              v ->
                  retry
                      .run(
                          "rows " + batch.get(0).id() + ".." + batch.get(batch.size() - 1).id(),
                          () ->
                              embedding.embed(
                                  EmbeddingTexts.texts(batch), TaskType.RETRIEVAL_DOCUMENT))
                      .map(
                          result ->
                              vectors.addAll(
                                  EmbeddingTexts.entries(
                                      batch, result, config.embedding().dimension())))
                      .mapEmpty());
    }
    // Edges and the search index first: they are idempotent, and the campaigns written last by
    // load() are what tells a later start that the seed is complete.
    return chain
        .compose(v -> stores.graph().addEdges(data.edges()))
        .compose(v -> indexed(vectors))
        .compose(
            v ->
                stores
                    .admin()
                    .load(
                        new Dataset(
                            data.categories(),
                            data.users(),
                            data.products(),
                            data.campaigns(),
                            data.contents(),
                            vectors)))
        .onSuccess(
            v ->
                LOG.info(
                    "seeded {} users, {} products, {} campaigns, {} contents, {} edges, {} embeddings in {} ms",
                    data.users().size(),
                    data.products().size(),
                    data.campaigns().size(),
                    data.contents().size(),
                    data.edges().size(),
                    vectors.size(),
                    (System.nanoTime() - started) / 1_000_000));
  }

  /**
   * Vectors written with the rows reach a separate search index (Vector Search) here, before the
   * rows: a failure fails the seed before it counts as done, so the next start repeats it.
   */
  private Future<Void> indexed(List<VectorEntry> vectors) {
    if (!(stores.vectors() instanceof VectorIndexFeed index)) {
      return Future.succeededFuture();
    }
    return index
        .feed(vectors)
        .onSuccess(n -> LOG.info("indexed {} vectors in {}", n, index.indexName()))
        .mapEmpty();
  }

  /** Fails start-up when stored vectors come from another model or dimension than configured. */
  private Future<Void> checkModels() {
    String model = config.embedding().activeModel();
    int dimension = config.embedding().dimension();
    return stores
        .admin()
        .storedModels()
        .compose(
            models -> {
              // Rows flagged by generate-embeddings --all (model null) still hold vectors of this
              // dimension: serving them is right while the re-embedding runs.
              models.stream()
                  .filter(m -> m.model() == null && m.dimension() == dimension)
                  .forEach(
                      m ->
                          LOG.warn("{} {} rows are waiting to be re-embedded", m.rows(), m.type()));
              List<StoredModel> foreign =
                  models.stream()
                      .filter(m -> !(m.model() == null && m.dimension() == dimension))
                      .filter(m -> !model.equals(m.model()) || m.dimension() != dimension)
                      .toList();
              if (foreign.isEmpty()) {
                return Future.succeededFuture();
              }
              String found =
                  foreign.stream()
                      .map(
                          m ->
                              m.rows()
                                  + " "
                                  + m.type().name().toLowerCase()
                                  + " rows from "
                                  + (m.model() == null
                                      ? "no model"
                                      : m.model() + "/" + m.dimension()))
                      .collect(Collectors.joining(", "));
              return Future.failedFuture(
                  new IllegalStateException(
                      "stored vectors do not match the embedding model "
                          + model
                          + "/"
                          + dimension
                          + ": "
                          + found
                          + "; re-embed with: "
                          + REEMBED_COMMAND));
            });
  }

  private static List<EmbeddingRow> pending(DemoData data) {
    EmbeddingTexts texts = new EmbeddingTexts(data.categories());
    List<EmbeddingRow> pending = new ArrayList<>();
    data.users().forEach(u -> pending.add(texts.of(u)));
    data.products().forEach(p -> pending.add(texts.of(p)));
    data.campaigns().forEach(c -> pending.add(texts.of(c)));
    data.contents().forEach(c -> pending.add(texts.of(c)));
    return pending;
  }
}
