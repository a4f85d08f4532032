package com.aiagent.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed entry as ranked, without its words: what the feed cache keeps (a few hundred bytes per
 * item), so a page fetches text only for the items it shows.
 */
public record RankedItem(
    String id,
    String type,
    String category,
    double score,
    List<String> reasons,
    String authorId,
    Instant createdAt,
    String productId,
    String advertiser) {
  public boolean isAd() {
    return FeedItem.AD.equals(type);
  }
}
