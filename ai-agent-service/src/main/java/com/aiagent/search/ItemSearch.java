package com.aiagent.search;

import io.vertx.core.Future;
import java.util.List;

/**
 * Retrieval of products or campaigns for a prompt: lexical (BM25) and vector search, fused by rank
 * in the configured mode. Best first; never longer than the query's limit.
 */
public interface ItemSearch {
  Future<List<SearchHit>> search(SearchQuery query);
}
