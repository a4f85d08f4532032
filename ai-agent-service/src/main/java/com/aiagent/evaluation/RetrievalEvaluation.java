package com.aiagent.evaluation;

import com.aiagent.embedding.EmbedResult;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.embedding.TaskType;
import com.aiagent.search.ItemSearch;
import com.aiagent.search.SearchHit;
import com.aiagent.search.SearchQuery;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.ItemType;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an evaluation set through a search, one prompt at a time, as a generated post retrieves: the
 * prompt embedded by the configured provider over the bus, then the five best products. The first
 * prompts run once untimed, so the timings measure a warm service.
 */
public final class RetrievalEvaluation {
  /** Products per prompt, as {@code generation.products} retrieves. */
  public static final int K = 5;

  private final EmbeddingClient embedding;
  private final Map<String, String> categoryOfProduct;

  public RetrievalEvaluation(EmbeddingClient embedding, Map<String, String> categoryOfProduct) {
    this.embedding = embedding;
    this.categoryOfProduct = categoryOfProduct;
  }

  public Future<EvalReport> run(String title, ItemSearch search, List<EvalPrompt> prompts) {
    return next(search, prompts, 0, new ArrayList<>())
        .compose(ignored -> next(search, prompts, 0, new ArrayList<>()))
        .map(results -> new EvalReport(title, results));
  }

  /** The category of every product in the catalogue, read page by page. */
  public static Future<Map<String, String>> productCategories(CatalogStore catalog) {
    return categoriesAfter(catalog, null, new HashMap<>());
  }

  private static Future<Map<String, String>> categoriesAfter(
      CatalogStore catalog, String after, Map<String, String> done) {
    return catalog
        .productsAfter(after, 500)
        .compose(
            page -> {
              page.forEach(p -> done.put(p.id(), p.category()));
              return page.size() < 500
                  ? Future.succeededFuture(done)
                  : categoriesAfter(catalog, page.get(page.size() - 1).id(), done);
            });
  }

  private Future<List<PromptResult>> next(
      ItemSearch search, List<EvalPrompt> prompts, int at, List<PromptResult> done) {
    if (at == prompts.size()) {
      return Future.succeededFuture(done);
    }
    EvalPrompt prompt = prompts.get(at);
    long started = System.nanoTime();
    return embedding
        .embed(List.of(prompt.prompt()), TaskType.RETRIEVAL_QUERY)
        .compose(
            (EmbedResult query) ->
                search.search(
                    new SearchQuery(
                        ItemType.PRODUCT, prompt.prompt(), query.vectors().get(0), K, null)))
        .compose(
            hits -> {
              long nanos = System.nanoTime() - started;
              List<String> ids = hits.stream().map(SearchHit::id).toList();
              List<String> categories =
                  ids.stream().map(id -> categoryOfProduct.getOrDefault(id, "?")).toList();
              done.add(new PromptResult(prompt, ids, categories, nanos));
              return next(search, prompts, at + 1, done);
            });
  }
}
