package com.aiagent.generation;

import com.aiagent.embedding.EmbedResult;
import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import java.util.List;

/**
 * What a post is grounded in: the user, the query vector's origin and the relevant items; when no
 * product was relevant, {@code closestCategories} names the categories of the closest ones.
 */
record Retrieved(
    User user,
    EmbedResult query,
    List<Match<Product>> products,
    List<Match<Campaign>> campaigns,
    List<Category> categories,
    List<String> closestCategories) {

  /** A retrieved item with its cosine similarity to the query. */
  record Match<T>(T item, double similarity) {}
}
