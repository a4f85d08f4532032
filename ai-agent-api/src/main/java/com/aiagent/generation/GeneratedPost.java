package com.aiagent.generation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An AI-written feed post, grounded in the products and campaigns it lists; {@code aiGenerated} is
 * always true and {@code label} is the mark it is shown with ("AI 생성 · AI-generated"). {@code
 * published} says whether it went into the author's followers' feeds.
 */
public record GeneratedPost(
    String id,
    String userId,
    String prompt,
    String language,
    String title,
    String content,
    List<String> hashtags,
    String callToAction,
    List<ProductSummary> products,
    List<CampaignSummary> campaigns,
    @JsonInclude(JsonInclude.Include.ALWAYS) String generatedImageUrl,
    String imageStatus,
    Providers providers,
    Instant createdAt,
    Boolean aiGenerated,
    String label,
    Boolean published) {

  public record ProductSummary(
      String id,
      String name,
      String nameEn,
      String category,
      long price,
      String currency,
      double similarity) {}

  public record CampaignSummary(
      String id,
      String title,
      String titleEn,
      String productId,
      String advertiser,
      double similarity) {}

  public record Providers(String embedding, String llm, String media) {}

  /** The same post with a root-relative image URL made absolute against {@code baseUrl}. */
  public GeneratedPost withImageBase(String baseUrl) {
    if (generatedImageUrl == null || !generatedImageUrl.startsWith("/")) {
      return this;
    }
    return new GeneratedPost(
        id,
        userId,
        prompt,
        language,
        title,
        content,
        hashtags,
        callToAction,
        products,
        campaigns,
        baseUrl + generatedImageUrl,
        imageStatus,
        providers,
        createdAt,
        aiGenerated,
        label,
        published);
  }

  /** The same post, published or not. */
  public GeneratedPost withPublished(boolean published) {
    return new GeneratedPost(
        id,
        userId,
        prompt,
        language,
        title,
        content,
        hashtags,
        callToAction,
        products,
        campaigns,
        generatedImageUrl,
        imageStatus,
        providers,
        createdAt,
        aiGenerated,
        label,
        published);
  }
}
