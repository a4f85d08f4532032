package com.aiagent.events;

import com.aiagent.config.AppConfig;
import com.aiagent.store.Campaign;
import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import com.aiagent.store.EventEffects;
import com.aiagent.store.EventType;
import com.aiagent.store.ItemType;
import com.aiagent.store.UserEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What new events change, as data the event store writes in the same transaction: likes, follows,
 * purchases and clicks become graph edges (unlike and unfollow take them back; within a batch the
 * last word wins), hides become hidden items, content impressions count as seen, ad impressions are
 * charged at the campaign's bid per thousand on the day of the event, and clicks, likes and
 * purchases move the user's taste vector.
 */
final class EventWriteBack {
  private final AppConfig.Events events;
  private final AppConfig.Ads ads;
  private final int dimension;

  EventWriteBack(AppConfig.Events events, AppConfig.Ads ads, int dimension) {
    this.events = events;
    this.ads = ads;
    this.dimension = dimension;
  }

  /** What the new {@code fresh} events change; the maps tell what their items are. */
  EventEffects effects(
      List<UserEvent> fresh,
      Map<String, ItemType> kinds,
      Map<String, Campaign> campaigns,
      Map<String, float[]> vectors) {
    Map<Edge, Boolean> edges = new LinkedHashMap<>();
    List<EventEffects.Hidden> hides = new ArrayList<>();
    Map<List<String>, EventEffects.Seen> seen = new LinkedHashMap<>();
    Map<List<Object>, EventEffects.AdCharge> charges = new LinkedHashMap<>();
    Map<String, TasteVector> tastes = new LinkedHashMap<>();
    Set<String> stale = new LinkedHashSet<>();

    for (UserEvent event : fresh) {
      String user = event.userId();
      String item = event.itemId();
      ItemType kind = kinds.get(item);
      switch (event.type()) {
        case IMPRESSION -> {
          if (kind == ItemType.CAMPAIGN) {
            charge(charges, event, campaigns.get(item));
          } else {
            seen.merge(
                List.of(user, item),
                new EventEffects.Seen(user, item, 1, event.ts()),
                (a, b) ->
                    new EventEffects.Seen(
                        user, item, a.impressions() + 1, later(a.lastSeen(), b.lastSeen())));
          }
        }
        case HIDE -> hides.add(new EventEffects.Hidden(user, item));
        case LIKE -> {
          edges.put(new Edge(user, EdgeType.LIKES, item), Boolean.TRUE);
          move(tastes, user, vectors.get(item), events.likeWeight());
        }
        case UNLIKE -> {
          edges.put(new Edge(user, EdgeType.LIKES, item), Boolean.FALSE);
          move(tastes, user, vectors.get(item), -events.likeWeight());
        }
        case PURCHASE -> {
          String product = kind == ItemType.CAMPAIGN ? campaigns.get(item).productId() : item;
          edges.put(new Edge(user, EdgeType.PURCHASES, product), Boolean.TRUE);
          move(tastes, user, vectors.get(item), events.purchaseWeight());
        }
        case CLICK -> {
          edges.put(new Edge(user, EdgeType.CLICKS, item), Boolean.TRUE);
          move(tastes, user, vectors.get(item), events.clickWeight());
        }
        case FOLLOW -> edges.put(new Edge(user, EdgeType.FOLLOWS, item), Boolean.TRUE);
        case UNFOLLOW -> edges.put(new Edge(user, EdgeType.FOLLOWS, item), Boolean.FALSE);
      }
      if (event.type() != EventType.IMPRESSION && event.type() != EventType.HIDE) {
        stale.add(user);
      }
    }
    Map<String, float[]> moves = new LinkedHashMap<>();
    tastes.forEach((user, taste) -> moves.put(user, taste.move()));
    List<Edge> added = new ArrayList<>();
    List<Edge> removed = new ArrayList<>();
    edges.forEach((edge, add) -> (add ? added : removed).add(edge));
    return new EventEffects(
        added,
        removed,
        hides,
        List.copyOf(seen.values()),
        List.copyOf(charges.values()),
        moves,
        List.copyOf(stale));
  }

  private void charge(
      Map<List<Object>, EventEffects.AdCharge> charges, UserEvent event, Campaign campaign) {
    LocalDate day = LocalDate.ofInstant(event.ts(), ads.zone());
    double cost = campaign.bid() / 1000.0;
    charges.merge(
        List.of(event.userId(), campaign.id(), day),
        new EventEffects.AdCharge(event.userId(), campaign.id(), day, 1, cost),
        (a, b) ->
            new EventEffects.AdCharge(
                a.userId(), a.campaignId(), day, a.impressions() + 1, a.cost() + cost));
  }

  private void move(Map<String, TasteVector> tastes, String user, float[] item, double weight) {
    tastes.computeIfAbsent(user, u -> new TasteVector(dimension)).add(item, weight);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
