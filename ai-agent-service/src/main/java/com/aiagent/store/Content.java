package com.aiagent.store;

import java.time.Instant;
import java.util.List;

/** A user's post in the feed. */
public record Content(
    String id,
    String authorId,
    String category,
    String productId,
    String titleKo,
    String titleEn,
    String bodyKo,
    String bodyEn,
    List<String> tags,
    Instant createdAt) {

  public String embeddingText() {
    return titleKo + " " + titleEn + " " + bodyKo + " " + bodyEn + " " + String.join(" ", tags);
  }
}
