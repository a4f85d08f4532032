package com.aiagent.feed;

import com.aiagent.config.AppConfig;
import com.aiagent.store.CandidateSpec;
import com.aiagent.store.FeedStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the stored candidate lists of active users warm, so their first page is a read: users whose
 * data changed are rebuilt at the next tick, and every tick also walks a slice of the users seen on
 * this instance and rebuilds lists older than {@code refresh_after_ms}. At most {@code warm_batch}
 * builds per tick, one after another, so warming never crowds out serving. The feed verticles tell
 * it who they served ({@link #seen}); one upkeep verticle per process ticks it.
 */
public final class CandidateWarmer {
  private final AppConfig.Feed config;
  private final AppConfig.Ads ads;
  private final FeedStore store;
  private final Clock clock;

  /** Active users and when their stored list was built (epoch ms; 0: none stored). */
  private final Map<String, Long> active = new ConcurrentHashMap<>();

  private final Set<String> due = ConcurrentHashMap.newKeySet();
  private Iterator<Map.Entry<String, Long>> walk;
  private boolean ticking;

  public CandidateWarmer(AppConfig.Feed config, AppConfig.Ads ads, FeedStore store, Clock clock) {
    this.config = config;
    this.ads = ads;
    this.store = store;
    this.clock = clock;
  }

  boolean enabled() {
    return config.candidates().enabled() && config.candidates().warmBatch() > 0;
  }

  /** A feed was served to {@code userId} from a list built at {@code builtAt} (null: none). */
  void seen(String userId, Instant builtAt) {
    if (!enabled()) {
      return;
    }
    if (active.size() >= config.candidates().activeUsers() && !active.containsKey(userId)) {
      return;
    }
    active.put(userId, builtAt == null ? 0L : builtAt.toEpochMilli());
    if (isStale(builtAt == null ? 0L : builtAt.toEpochMilli())) {
      due.add(userId);
    }
  }

  /** The user's data changed: their list is gone; rebuild it soon. */
  void changed(String userId) {
    if (enabled() && active.containsKey(userId)) {
      active.put(userId, 0L);
      due.add(userId);
    }
  }

  private boolean isStale(long builtAtMs) {
    return clock.millis() - builtAtMs > config.candidates().refreshAfterMs();
  }

  /** One round of rebuilding; answers how many lists were built. */
  public Future<Integer> tick() {
    if (!enabled() || ticking) {
      return Future.succeededFuture(0);
    }
    List<String> batch = new ArrayList<>(pickDue());
    if (batch.isEmpty()) {
      return Future.succeededFuture(0);
    }
    ticking = true;
    Future<Integer> chain = Future.succeededFuture(0);
    for (String userId : batch) {
      chain = chain.compose(built -> rebuild(userId).map(ok -> built + (ok ? 1 : 0)));
    }
    return chain.eventually(
        () -> {
          ticking = false;
          return Future.succeededFuture();
        });
  }

  private Set<String> pickDue() {
    int max = config.candidates().warmBatch();
    Set<String> batch = new LinkedHashSet<>();
    for (Iterator<String> it = due.iterator(); it.hasNext() && batch.size() < max; ) {
      batch.add(it.next());
      it.remove();
    }
    if (walk == null || !walk.hasNext()) {
      walk = active.entrySet().iterator();
    }
    // Look at a slice of the active users per tick, so a large set costs little each time.
    for (int looked = 0; walk.hasNext() && batch.size() < max && looked < max * 20; looked++) {
      Map.Entry<String, Long> entry = walk.next();
      if (isStale(entry.getValue())) {
        batch.add(entry.getKey());
      }
    }
    return batch;
  }

  private Future<Boolean> rebuild(String userId) {
    Instant now = clock.instant();
    return store
        .build(
            userId, CandidateSpec.forFeed(config, now, LocalDate.ofInstant(now, ads.zone()), true))
        .map(
            built -> {
              if (built.isPresent()) {
                active.put(userId, now.toEpochMilli());
              } else {
                active.remove(userId);
              }
              return built.isPresent();
            })
        .otherwise(false);
  }
}
