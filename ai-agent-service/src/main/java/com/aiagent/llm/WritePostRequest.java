package com.aiagent.llm;

import java.util.List;

/**
 * Everything a writer may use: it must mention no item outside {@code products}/{@code campaigns}.
 * When retrieval found nothing relevant, {@code products} is empty and {@code closestCategories}
 * holds the keys of the categories closest to the prompt, for an honest post that points there. The
 * items are this message's own records, not the store's rows, so a new column in a table does not
 * change the bus contract.
 */
public record WritePostRequest(
    String prompt,
    Language language,
    User user,
    List<Product> products,
    List<Campaign> campaigns,
    List<Category> categories,
    List<String> closestCategories) {

  public WritePostRequest {
    closestCategories = closestCategories == null ? List.of() : List.copyOf(closestCategories);
  }

  /** A request with relevant items (no closest categories to suggest). */
  public WritePostRequest(
      String prompt,
      Language language,
      User user,
      List<Product> products,
      List<Campaign> campaigns,
      List<Category> categories) {
    this(prompt, language, user, products, campaigns, categories, List.of());
  }

  /** The reader the post is written for; {@code interests} are category keys. */
  public record User(String id, String nameKo, String nameEn, List<String> interests) {}

  /** A retrieved product; {@code price} is in whole won (KRW). */
  public record Product(
      String id,
      String category,
      String nameKo,
      String nameEn,
      long price,
      String descriptionKo,
      String descriptionEn,
      List<String> tags) {}

  /** A retrieved live campaign promoting {@code productId}. */
  public record Campaign(String id, String productId, String titleKo, String titleEn) {}

  /** A category's names in both languages. */
  public record Category(String key, String nameKo, String nameEn) {}
}
