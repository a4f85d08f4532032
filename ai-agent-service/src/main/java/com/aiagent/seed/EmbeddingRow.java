package com.aiagent.seed;

import com.aiagent.store.Campaign;
import com.aiagent.store.ItemType;
import com.aiagent.store.VectorEntry;

/** One row to embed: what its vector entry needs besides the vector, and the text to embed. */
record EmbeddingRow(String id, ItemType type, String category, Campaign campaign, String text) {
  VectorEntry entry(float[] vector, String model) {
    return new VectorEntry(
        id,
        type,
        category,
        campaign == null || campaign.active(),
        campaign == null ? null : campaign.startsAt(),
        campaign == null ? null : campaign.endsAt(),
        vector,
        model);
  }
}
