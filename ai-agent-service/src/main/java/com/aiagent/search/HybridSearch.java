package com.aiagent.search;

import com.aiagent.config.AppConfig;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lexical retrieval fused with vector search, in every store and provider mode. Each instance holds
 * its own in-memory Lucene index of the catalogue, built off the event loop at start and rebuilt
 * whole when the store's {@link CatalogStore#catalogVersion} changes (checked every {@code
 * refresh_interval_ms}), so ten instances on one database each converge within one interval of a
 * write. Until the first index is built, or if the index fails, retrieval is by vector alone.
 */
public final class HybridSearch implements ItemSearch {
  private static final Logger LOG = LoggerFactory.getLogger(HybridSearch.class);

  private final Vertx vertx;
  private final AppConfig.Search settings;
  private final SearchMode mode;
  private final CatalogStore catalog;
  private final VectorStore vectors;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile CatalogIndex index;
  private volatile String indexedVersion;
  private long timer = -1;

  public HybridSearch(
      Vertx vertx, AppConfig.Search settings, CatalogStore catalog, VectorStore vectors) {
    this(
        vertx,
        settings,
        SearchMode.valueOf(settings.mode().toUpperCase(Locale.ROOT)),
        catalog,
        vectors);
  }

  /** The same search in another mode (the eval compares the three). */
  public HybridSearch inMode(SearchMode other) {
    HybridSearch copy = new HybridSearch(vertx, settings, other, catalog, vectors);
    copy.index = index;
    copy.indexedVersion = indexedVersion;
    return copy;
  }

  private HybridSearch(
      Vertx vertx,
      AppConfig.Search settings,
      SearchMode mode,
      CatalogStore catalog,
      VectorStore vectors) {
    this.vertx = vertx;
    this.settings = settings;
    this.mode = mode;
    this.catalog = catalog;
    this.vectors = vectors;
  }

  public SearchMode mode() {
    return mode;
  }

  /**
   * Builds the first index (after the seed), then checks for catalogue writes periodically. A
   * failed first build does not stop the service: retrieval is by vector until a later check builds
   * the index.
   */
  public Future<Void> start() {
    return refresh()
        .recover(
            error -> {
              logFailure(error);
              return Future.succeededFuture();
            })
        .onSuccess(
            v ->
                timer =
                    vertx.setPeriodic(
                        settings.refreshIntervalMs(), id -> refresh().onFailure(this::logFailure)));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** How many products and campaigns the current index holds. */
  public int indexed() {
    CatalogIndex current = index;
    return current == null ? 0 : current.size();
  }

  /** Rebuilds the index if the catalogue changed since the last build; one rebuild at a time. */
  public Future<Void> refresh() {
    if (!refreshing.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return catalog
        .catalogVersion()
        .compose(
            version ->
                version.equals(indexedVersion)
                    ? Future.<Void>succeededFuture()
                    : CatalogDocuments.load(catalog)
                        .compose(
                            read ->
                                vertx.executeBlocking(
                                    () ->
                                        CatalogIndex.build(
                                            (StandardShoppingText) ShoppingText.standard(),
                                            read.items()),
                                    false))
                        .map(
                            built -> {
                              index = built;
                              indexedVersion = version;
                              LOG.info("lexical index built: {} items ({})", built.size(), version);
                              return (Void) null;
                            }))
        .eventually(() -> Future.succeededFuture(refreshing.getAndSet(false)));
  }

  @Override
  public Future<List<SearchHit>> search(SearchQuery query) {
    int candidates = Math.max(settings.candidates(), query.limit());
    Future<List<VectorMatch>> byVector =
        mode == SearchMode.LEXICAL || query.vector() == null
            ? Future.succeededFuture(List.of())
            : vectors.search(
                VectorQuery.of(query.type(), query.vector(), candidates).liveAt(query.liveAt()));
    CatalogIndex current = index;
    Future<List<LexicalHit>> byWords =
        mode == SearchMode.VECTOR || current == null || query.text() == null
            ? Future.succeededFuture(List.of())
            // In memory and CPU-only, a fraction of a millisecond for the catalogue: a worker hop
            // cost more than the search (one-prompt p99 24-62 ms against 11-22 ms under load).
            : Future.<List<LexicalHit>>future(
                    p ->
                        p.complete(
                            current.search(query.type(), query.text(), candidates, query.liveAt())))
                .recover(
                    error -> {
                      logFailure(error);
                      return Future.succeededFuture(List.of());
                    });
    return Future.all(byVector, byWords)
        .compose(done -> fused(query, byVector.result(), byWords.result()));
  }

  private Future<List<SearchHit>> fused(
      SearchQuery query, List<VectorMatch> byVector, List<LexicalHit> byWords) {
    Map<String, Double> similarity = new HashMap<>();
    byVector.forEach(m -> similarity.merge(m.id(), m.similarity(), Math::max));
    Map<String, Double> lexical = new HashMap<>();
    byWords.forEach(h -> lexical.merge(h.id(), h.score(), Math::max));
    List<RankFusion.Fused> ranked =
        RankFusion.fuse(
                settings.rrfK(),
                List.of(
                    byVector.stream().map(VectorMatch::id).distinct().toList(),
                    byWords.stream().map(LexicalHit::id).toList()),
                List.of(settings.vectorWeight(), settings.lexicalWeight()))
            .stream()
            .limit(query.limit())
            .toList();
    List<String> missing =
        ranked.stream()
            .map(RankFusion.Fused::id)
            .filter(id -> !similarity.containsKey(id))
            .toList();
    Future<Map<String, float[]>> found =
        missing.isEmpty() || query.vector() == null
            ? Future.succeededFuture(Map.of())
            : vectors.vectors(query.type(), missing);
    return found.map(
        stored -> {
          List<SearchHit> hits = new ArrayList<>();
          for (RankFusion.Fused f : ranked) {
            double cosine =
                similarity.containsKey(f.id())
                    ? similarity.get(f.id())
                    : stored.containsKey(f.id()) ? cosine(query.vector(), stored.get(f.id())) : 0.0;
            hits.add(new SearchHit(f.id(), cosine, lexical.getOrDefault(f.id(), 0.0), f.score()));
          }
          return hits;
        });
  }

  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      return 0.0;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0.0 : dot / Math.sqrt(na * nb);
  }

  private void logFailure(Throwable error) {
    LOG.warn("lexical index: {}", error.toString());
  }
}
