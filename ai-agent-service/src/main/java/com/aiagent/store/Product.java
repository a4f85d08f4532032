package com.aiagent.store;

import java.util.List;

/** A product for sale; {@code price} is in whole won (KRW). */
public record Product(
    String id,
    String category,
    String nameKo,
    String nameEn,
    long price,
    String descriptionKo,
    String descriptionEn,
    List<String> tags) {

  public String embeddingText() {
    return nameKo
        + " "
        + nameEn
        + " "
        + descriptionKo
        + " "
        + descriptionEn
        + " "
        + String.join(" ", tags);
  }
}
