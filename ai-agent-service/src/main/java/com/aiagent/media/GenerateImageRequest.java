package com.aiagent.media;

import java.util.List;

/**
 * A picture for a post: drawn from its title, image prompt and the items it names. The items are
 * this message's own records, not the store's rows, so the bus contract holds what drawing needs.
 */
public record GenerateImageRequest(
    String title, String imagePrompt, List<Product> products, List<Category> categories) {

  /** A product in the picture: its names in Korean and English and its price (KRW). */
  public record Product(String id, String category, String nameKo, String nameEn, long price) {}

  /** A category, its names and the colour ({@code #RRGGBB}) its pictures are drawn in. */
  public record Category(String key, String nameKo, String nameEn, String color) {}
}
