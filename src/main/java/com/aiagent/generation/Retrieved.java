package com.aiagent.generation;

import com.aiagent.embedding.EmbedResult;
import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import java.util.List;

/** What a post is grounded in: the user, the query vector's origin and the closest items. */
record Retrieved(
    User user,
    EmbedResult query,
    List<Match<Product>> products,
    List<Match<Campaign>> campaigns,
    List<Category> categories) {

  /** A retrieved item with its cosine similarity to the query. */
  record Match<T>(T item, double similarity) {}
}
