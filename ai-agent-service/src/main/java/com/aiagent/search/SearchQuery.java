package com.aiagent.search;

import com.aiagent.store.ItemType;
import java.time.Instant;

/**
 * What to retrieve: items of {@code type} for the prompt {@code text} and its embedding {@code
 * vector}, at most {@code limit}, and only those live at {@code liveAt} (null: any time;
 * campaigns).
 */
public record SearchQuery(ItemType type, String text, float[] vector, int limit, Instant liveAt) {}
