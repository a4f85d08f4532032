package com.aiagent.generation;

import com.aiagent.generation.Retrieved.Match;
import com.aiagent.llm.Language;
import com.aiagent.llm.WritePostRequest;
import com.aiagent.llm.WrittenPost;
import com.aiagent.media.GenerateImageRequest;
import com.aiagent.media.GeneratedImage;
import com.aiagent.media.MediaNames;
import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns retrieved rows into the writer's and the drawer's messages, and a written post and its
 * picture into the {@link GeneratedPost} the client sees, with absolute image URLs.
 */
final class PostAssembler {
  private static final String CURRENCY = "KRW";

  /** An origin a caller may name: scheme, host and optional port, nothing else. */
  private static final Pattern ORIGIN =
      Pattern.compile(
          "https?://[A-Za-z0-9.-]+(:\\d{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  private final String aiLabel;
  private final String publicBaseUrl;
  private final String defaultOrigin;

  /**
   * {@code publicBaseUrl} (null: none) wins over any caller's origin; {@code defaultOrigin} serves
   * when neither is given.
   */
  PostAssembler(String aiLabel, String publicBaseUrl, String defaultOrigin) {
    this.aiLabel = aiLabel;
    this.publicBaseUrl = publicBaseUrl;
    this.defaultOrigin = defaultOrigin;
  }

  WritePostRequest writeRequest(String prompt, Language language, Retrieved found) {
    User u = found.user();
    return new WritePostRequest(
        prompt,
        language,
        new WritePostRequest.User(u.id(), u.nameKo(), u.nameEn(), u.interests()),
        found.products().stream()
            .map(Match::item)
            .map(
                p ->
                    new WritePostRequest.Product(
                        p.id(),
                        p.category(),
                        p.nameKo(),
                        p.nameEn(),
                        p.price(),
                        p.descriptionKo(),
                        p.descriptionEn(),
                        p.tags()))
            .toList(),
        found.campaigns().stream()
            .map(Match::item)
            .map(
                c -> new WritePostRequest.Campaign(c.id(), c.productId(), c.titleKo(), c.titleEn()))
            .toList(),
        found.categories().stream()
            .map(c -> new WritePostRequest.Category(c.key(), c.nameKo(), c.nameEn()))
            .toList(),
        found.closestCategories());
  }

  GenerateImageRequest imageRequest(WrittenPost written, Retrieved found) {
    List<GenerateImageRequest.Product> products =
        found.products().stream()
            .map(Match::item)
            .map(
                p ->
                    new GenerateImageRequest.Product(
                        p.id(), p.category(), p.nameKo(), p.nameEn(), p.price()))
            .toList();
    List<GenerateImageRequest.Category> categories =
        found.categories().stream()
            .map(
                (Category c) ->
                    new GenerateImageRequest.Category(c.key(), c.nameKo(), c.nameEn(), c.color()))
            .toList();
    return new GenerateImageRequest(written.title(), written.imagePrompt(), products, categories);
  }

  /** The post as stored: its picture as a root-relative path under the media route. */
  GeneratedPost post(
      String userId,
      String prompt,
      Language language,
      Retrieved found,
      WrittenPost written,
      GeneratedImage image,
      Instant now) {
    List<GeneratedPost.ProductSummary> products =
        found.products().stream()
            .filter(m -> written.productIds().contains(m.item().id()))
            .map(PostAssembler::productSummary)
            .toList();
    List<GeneratedPost.CampaignSummary> campaigns =
        found.campaigns().stream()
            .filter(m -> written.campaignIds().contains(m.item().id()))
            .map(PostAssembler::campaignSummary)
            .toList();
    return new GeneratedPost(
        UUID.randomUUID().toString(),
        userId,
        prompt,
        language.name().toLowerCase(Locale.ROOT),
        written.title(),
        written.content(),
        written.hashtags(),
        written.callToAction(),
        products,
        campaigns,
        image.file() == null ? null : MediaNames.PUBLIC_PATH + image.file(),
        image.status(),
        new GeneratedPost.Providers(found.query().provider(), written.provider(), image.provider()),
        now,
        Boolean.TRUE,
        aiLabel,
        Boolean.FALSE);
  }

  /**
   * The post as a client gets it: image URL absolute against the configured public base URL, or
   * else the caller's origin when it is a bare origin, or else the default.
   */
  GeneratedPost forClient(GeneratedPost post, String callerOrigin) {
    // Posts kept before publishing existed carry no flag: they were not published.
    GeneratedPost flagged = post.published() == null ? post.withPublished(false) : post;
    return flagged.withImageBase(baseUrl(callerOrigin));
  }

  String baseUrl(String callerOrigin) {
    if (publicBaseUrl != null) {
      return publicBaseUrl;
    }
    if (callerOrigin != null && ORIGIN.matcher(callerOrigin).matches()) {
      return callerOrigin;
    }
    return defaultOrigin;
  }

  private static GeneratedPost.ProductSummary productSummary(Match<Product> m) {
    Product p = m.item();
    return new GeneratedPost.ProductSummary(
        p.id(), p.nameKo(), p.nameEn(), p.category(), p.price(), CURRENCY, round(m.similarity()));
  }

  private static GeneratedPost.CampaignSummary campaignSummary(Match<Campaign> m) {
    Campaign c = m.item();
    return new GeneratedPost.CampaignSummary(
        c.id(), c.titleKo(), c.titleEn(), c.productId(), c.advertiser(), round(m.similarity()));
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
