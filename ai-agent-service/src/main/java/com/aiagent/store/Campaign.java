package com.aiagent.store;

import java.time.Instant;
import java.util.List;

/**
 * An ad campaign promoting one product (of {@code category}) to users whose interests meet its
 * targets. {@code bid} is its price per thousand impressions; {@code dailyBudget} and {@code
 * frequencyCap} (impressions per user per day) are null where the configured defaults apply.
 */
public record Campaign(
    String id,
    String productId,
    String category,
    String advertiser,
    String titleKo,
    String titleEn,
    String bodyKo,
    String bodyEn,
    List<String> targetInterests,
    double bid,
    boolean active,
    Instant startsAt,
    Instant endsAt,
    Double dailyBudget,
    Integer frequencyCap) {

  public boolean liveAt(Instant now) {
    return active && !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  public boolean targets(List<String> interests) {
    return targetInterests.stream().anyMatch(interests::contains);
  }

  public String embeddingText() {
    return titleKo + " " + titleEn + " " + bodyKo + " " + bodyEn;
  }
}
