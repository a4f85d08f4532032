package com.aiagent.llm;

import com.aiagent.llm.WritePostRequest.Product;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The picture's prompt, built from the written post rather than taken from a model's free text, so
 * it names exactly the items the post uses and nothing else.
 */
final class ImagePrompts {
  private ImagePrompts() {}

  static String forPost(String title, List<String> productIds, List<Product> retrieved) {
    List<Product> used =
        retrieved.stream().filter(p -> productIds != null && productIds.contains(p.id())).toList();
    if (used.isEmpty()) {
      return "A bright, friendly lifestyle photo for a social feed post titled \"" + title + "\"";
    }
    String names = used.stream().map(Product::nameEn).collect(Collectors.joining(", "));
    String categories =
        used.stream().map(Product::category).distinct().collect(Collectors.joining(" and "));
    return "A bright lifestyle product photo for a social feed ("
        + categories
        + "), featuring only: "
        + names
        + ". No text, no logos, no other products.";
  }
}
