package com.aiagent.feed;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FeedStore;
import com.aiagent.store.ItemText;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of the items feed pages show, from an in-process cache bounded by an estimate of its
 * heap use, in front of the feed store; shared by the feed verticles of a process. A page of a
 * ranking made in this request from the user's live state (which already left out what they hid)
 * takes cached words. A page of a ranking read from a cache reads through the store, whose words
 * leave out what the user hid: such a ranking may predate a hide on another instance by the
 * invalidation's delay, and a hidden item must never show.
 */
public final class ItemTexts {
  /** Bytes an entry costs besides its characters: the entry, the record and four strings. */
  private static final int ENTRY_OVERHEAD = 160;

  private final FeedStore store;
  private final Cache<String, ItemText> cache;

  public ItemTexts(AppConfig.Texts config, FeedStore store) {
    this.store = store;
    this.cache =
        config.cacheMaxKb() == 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(config.cacheMaxKb() * 1024L)
                .weigher((String id, ItemText text) -> weight(id, text))
                .expireAfterWrite(Duration.ofMillis(config.cacheTtlMs()))
                // Eviction runs on the caller's thread: a few O(1) steps per write, no pool.
                .executor(Runnable::run)
                .build();
  }

  /** The words of {@code ids} that {@code userId} may see; {@code rankedNow}: see the class. */
  Future<Map<String, ItemText>> of(String userId, List<String> ids, boolean rankedNow) {
    if (cache == null) {
      return store.texts(userId, ids);
    }
    if (!rankedNow) {
      return store.texts(userId, ids).onSuccess(cache::putAll);
    }
    Map<String, ItemText> found = new HashMap<>(cache.getAllPresent(ids));
    if (found.size() == ids.size()) {
      return Future.succeededFuture(found);
    }
    List<String> missing = new ArrayList<>(ids.size() - found.size());
    for (String id : ids) {
      if (!found.containsKey(id)) {
        missing.add(id);
      }
    }
    return store
        .texts(userId, missing)
        .map(
            loaded -> {
              cache.putAll(loaded);
              found.putAll(loaded);
              return found;
            });
  }

  private static int weight(String id, ItemText text) {
    long chars =
        (long) id.length()
            + length(text.titleKo())
            + length(text.titleEn())
            + length(text.bodyKo())
            + length(text.bodyEn());
    return (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD + 2 * chars);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
