package com.aiagent.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed entry: a content post ({@code type} "content") or a sponsored campaign ({@code type}
 * "ad", with {@code campaignId}, {@code productId}, {@code sponsored} true and the display {@code
 * label} "광고 · Sponsored"). {@code reasons} says why it is in this user's feed.
 */
public record FeedItem(
    String id,
    String type,
    String title,
    String titleEn,
    String body,
    String bodyEn,
    String category,
    double score,
    List<String> reasons,
    String authorId,
    Instant createdAt,
    String campaignId,
    String productId,
    String advertiser,
    Boolean sponsored,
    String label) {
  public static final String CONTENT = "content";
  public static final String AD = "ad";
}
