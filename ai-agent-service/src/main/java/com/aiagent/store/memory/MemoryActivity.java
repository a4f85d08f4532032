package com.aiagent.store.memory;

import com.aiagent.store.EventEffects;
import com.aiagent.store.UserEvent;
import com.aiagent.store.VectorMath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What user events left behind, in one process: the events themselves, hides, impressions, the ad
 * delivery ledger and moved taste vectors. The in-memory event store writes it and the in-memory
 * feed store reads it; one monitor guards it, held only for map lookups and updates.
 */
final class MemoryActivity {
  private final Map<String, LinkedHashMap<String, UserEvent>> events = new HashMap<>();
  private final Map<String, Set<String>> hidden = new HashMap<>();
  private final Map<String, Map<String, Integer>> seen = new HashMap<>();
  private final Map<String, Integer> frequency = new HashMap<>();
  private final Map<String, Double> spend = new HashMap<>();
  private final Map<String, float[]> tastes = new HashMap<>();
  private long count;

  /** Keeps the new events and answers them; duplicates (by user and event id) are skipped. */
  synchronized List<UserEvent> keepNew(List<UserEvent> batch) {
    List<UserEvent> fresh = new ArrayList<>();
    for (UserEvent event : batch) {
      if (events
              .computeIfAbsent(event.userId(), u -> new LinkedHashMap<>())
              .putIfAbsent(event.eventId(), event)
          == null) {
        fresh.add(event);
        count++;
      }
    }
    return fresh;
  }

  /** Takes back events kept by {@link #keepNew} whose effects could not be written. */
  synchronized void forget(List<UserEvent> kept) {
    for (UserEvent event : kept) {
      if (events.getOrDefault(event.userId(), new LinkedHashMap<>()).remove(event.eventId())
          != null) {
        count--;
      }
    }
  }

  synchronized void apply(EventEffects effects, Map<String, float[]> profiles) {
    effects
        .hides()
        .forEach(h -> hidden.computeIfAbsent(h.userId(), u -> new HashSet<>()).add(h.itemId()));
    effects
        .seen()
        .forEach(
            s ->
                seen.computeIfAbsent(s.userId(), u -> new HashMap<>())
                    .merge(s.itemId(), s.impressions(), Integer::sum));
    for (EventEffects.AdCharge charge : effects.charges()) {
      frequency.merge(
          frequencyKey(charge.userId(), charge.campaignId(), charge.day()),
          charge.impressions(),
          Integer::sum);
      spend.merge(spendKey(charge.campaignId(), charge.day()), charge.cost(), Double::sum);
    }
    effects
        .tasteMoves()
        .forEach(
            (userId, move) -> {
              float[] current = tastes.getOrDefault(userId, profiles.get(userId));
              if (current != null && current.length == move.length) {
                float[] moved = VectorMath.normalized(current);
                for (int i = 0; i < moved.length; i++) {
                  moved[i] += move[i];
                }
                tastes.put(userId, VectorMath.normalized(moved));
              }
            });
  }

  synchronized float[] taste(String userId) {
    return tastes.get(userId);
  }

  /** The items among {@code ids} that the user hid. */
  synchronized Set<String> hidden(String userId, Set<String> ids) {
    Set<String> all = hidden.getOrDefault(userId, Set.of());
    Set<String> among = new HashSet<>();
    ids.forEach(
        id -> {
          if (all.contains(id)) {
            among.add(id);
          }
        });
    return among;
  }

  synchronized boolean isHidden(String userId, String itemId) {
    return hidden.getOrDefault(userId, Set.of()).contains(itemId);
  }

  synchronized Map<String, Integer> seen(String userId, Set<String> ids) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> all = seen.getOrDefault(userId, Map.of());
    ids.forEach(
        id -> {
          Integer n = all.get(id);
          if (n != null) {
            counts.put(id, n);
          }
        });
    return counts;
  }

  synchronized Map<String, Integer> frequency(String userId, Set<String> ids, LocalDate day) {
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach(
        id -> {
          Integer n = frequency.get(frequencyKey(userId, id, day));
          if (n != null) {
            counts.put(id, n);
          }
        });
    return counts;
  }

  synchronized Map<String, Double> spend(Set<String> ids, LocalDate day) {
    Map<String, Double> spent = new HashMap<>();
    ids.forEach(
        id -> {
          Double s = spend.get(spendKey(id, day));
          if (s != null) {
            spent.put(id, s);
          }
        });
    return spent;
  }

  synchronized List<UserEvent> history(String userId, int limit) {
    // Oldest by the client's ts first; events of one instant in the order they arrived.
    return events.getOrDefault(userId, new LinkedHashMap<>()).values().stream()
        .sorted(java.util.Comparator.comparing(UserEvent::ts))
        .limit(limit)
        .toList();
  }

  synchronized long count() {
    return count;
  }

  private static String frequencyKey(String userId, String campaignId, LocalDate day) {
    return userId + '\n' + campaignId + '\n' + day;
  }

  private static String spendKey(String campaignId, LocalDate day) {
    return campaignId + '\n' + day;
  }
}
