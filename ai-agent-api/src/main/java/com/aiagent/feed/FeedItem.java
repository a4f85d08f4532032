package com.aiagent.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed entry: a content post ({@code type} "content"), a sponsored campaign ({@code type} "ad",
 * with {@code campaignId}, {@code productId}, {@code sponsored} true and the display {@code label}
 * "광고 · Sponsored"), or a published AI-generated post of an author the reader follows ({@code type}
 * "ai_post", with {@code aiGenerated} true, the label "AI 생성 · AI-generated", its {@code hashtags},
 * {@code imageUrl} (null without a picture) and the {@code productIds} it cites). {@code reasons}
 * says why it is in this user's feed.
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
    String label,
    Boolean aiGenerated,
    List<String> hashtags,
    String imageUrl,
    List<String> productIds) {
  public static final String CONTENT = "content";
  public static final String AD = "ad";
  public static final String AI_POST = "ai_post";
}
