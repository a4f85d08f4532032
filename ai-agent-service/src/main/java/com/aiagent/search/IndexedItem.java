package com.aiagent.search;

import com.aiagent.store.ItemType;
import java.time.Instant;

/**
 * One searchable product or campaign: its Korean and English texts (its own words, its category's
 * names, and those of the campaigns and contents about the same product), and for a campaign the
 * window it is live in.
 */
record IndexedItem(
    String id,
    ItemType type,
    String category,
    String textKo,
    String textEn,
    boolean active,
    Instant startsAt,
    Instant endsAt) {

  boolean liveAt(Instant now) {
    return now == null
        || active
            && (startsAt == null || !now.isBefore(startsAt))
            && (endsAt == null || now.isBefore(endsAt));
  }
}
