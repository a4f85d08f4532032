package com.aiagent.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A published AI-generated post of an author the reader follows, as the feed shows it: its words,
 * hashtags, root-relative picture path (null without a picture), the products it cites, their best
 * cosine {@code similarity} to the reader's taste (0 when none has a vector), and how often it was
 * already shown to the reader ({@code seen}).
 */
public record FollowedPost(
    String id,
    String authorId,
    Instant createdAt,
    String title,
    String content,
    List<String> hashtags,
    String imagePath,
    List<String> productIds,
    String category,
    double similarity,
    int seen) {

  /** The fields of a stored post's document (the generated post's JSON, snake_case). */
  public static FollowedPost of(StoredPost post, double similarity, int seen) {
    JsonObject doc = post.document();
    String category = null;
    for (Object p : doc.getJsonArray("products", new JsonArray())) {
      if (p instanceof JsonObject product && product.getString("category") != null) {
        category = product.getString("category");
        break;
      }
    }
    List<String> hashtags = new ArrayList<>();
    for (Object tag : doc.getJsonArray("hashtags", new JsonArray())) {
      if (tag instanceof String s) {
        hashtags.add(s);
      }
    }
    return new FollowedPost(
        post.id(),
        post.userId(),
        post.createdAt(),
        doc.getString("title"),
        doc.getString("content"),
        List.copyOf(hashtags),
        doc.getString("generated_image_url"),
        List.copyOf(productIds(doc)),
        category,
        similarity,
        seen);
  }

  /** The product ids a stored post's document cites. */
  public static List<String> productIds(JsonObject document) {
    List<String> ids = new ArrayList<>();
    for (Object p : document.getJsonArray("products", new JsonArray())) {
      if (p instanceof JsonObject product && product.getString("id") != null) {
        ids.add(product.getString("id"));
      }
    }
    return ids;
  }
}
