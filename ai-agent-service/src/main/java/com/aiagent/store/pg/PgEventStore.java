package com.aiagent.store.pg;

import com.aiagent.store.Edge;
import com.aiagent.store.EventEffects;
import com.aiagent.store.EventStore;
import com.aiagent.store.EventType;
import com.aiagent.store.GraphStore;
import com.aiagent.store.UserEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Events and their effects in one transaction per batch: a failure leaves neither, and a retried
 * batch finds its events already there and applies nothing. Rows of the shared counters are written
 * in key order, so concurrent batches on many instances do not deadlock.
 */
public final class PgEventStore implements EventStore {
  private final Pool pool;
  private final GraphStore separateGraph;

  /**
   * {@code separateGraph} null: edges go to the edge table in the same transaction. Otherwise (a
   * Neo4j graph) they are written there before the transaction commits, so a graph that fails fails
   * the batch and nothing is kept; its writes are idempotent, so the retried batch (whose events
   * are new again) ends in the same graph even if a commit failed after them.
   */
  PgEventStore(Pool pool, GraphStore separateGraph) {
    this.pool = pool;
    this.separateGraph = separateGraph;
  }

  @Override
  public Future<List<UserEvent>> record(
      List<UserEvent> events, Function<List<UserEvent>, EventEffects> effects) {
    if (events.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Tuple rows =
        Tuple.of(
            events.stream().map(UserEvent::userId).toArray(String[]::new),
            events.stream().map(UserEvent::eventId).toArray(String[]::new),
            events.stream().map(e -> e.type().wireName()).toArray(String[]::new),
            events.stream().map(UserEvent::itemId).toArray(String[]::new),
            events.stream().map(e -> PgRows.time(e.ts())).toArray(OffsetDateTime[]::new));
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(EventSql.INSERT_EVENTS)
                .execute(rows)
                .compose(
                    inserted -> {
                      Set<String> keys = new HashSet<>();
                      inserted.forEach(r -> keys.add(key(r.getString(0), r.getString(1))));
                      List<UserEvent> fresh =
                          events.stream()
                              .filter(e -> keys.remove(key(e.userId(), e.eventId())))
                              .toList();
                      return apply(conn, effects.apply(fresh)).map(fresh);
                    }));
  }

  private static String key(String userId, String eventId) {
    return userId + '\n' + eventId;
  }

  private Future<Void> apply(SqlConnection conn, EventEffects effects) {
    List<Future<?>> writes = new ArrayList<>();
    if (separateGraph != null) {
      writes.add(
          separateGraph
              .addEdges(effects.addedEdges())
              .compose(v -> separateGraph.removeEdges(effects.removedEdges())));
    }
    // The batch's net edges: an edge is either added or removed, never both, so order is free.
    for (var entry :
        Map.of(
                EventSql.ADD_EDGES,
                effects.addedEdges(),
                EventSql.REMOVE_EDGES,
                effects.removedEdges())
            .entrySet()) {
      if (separateGraph == null && !entry.getValue().isEmpty()) {
        List<Edge> edges = entry.getValue();
        writes.add(
            conn.preparedQuery(entry.getKey())
                .execute(
                    Tuple.of(
                        edges.stream().map(Edge::from).toArray(String[]::new),
                        edges.stream().map(e -> e.type().name()).toArray(String[]::new),
                        edges.stream().map(Edge::to).toArray(String[]::new))));
      }
    }
    if (!effects.hides().isEmpty()) {
      List<EventEffects.Hidden> hides = effects.hides();
      writes.add(
          conn.preparedQuery(EventSql.HIDE)
              .execute(
                  Tuple.of(
                      hides.stream().map(EventEffects.Hidden::userId).toArray(String[]::new),
                      (Object)
                          hides.stream().map(EventEffects.Hidden::itemId).toArray(String[]::new))));
    }
    if (!effects.seen().isEmpty()) {
      // One row per (user, item), summed: an upsert may not touch a row twice.
      Map<String, EventEffects.Seen> summed = new java.util.TreeMap<>();
      effects
          .seen()
          .forEach(
              s ->
                  summed.merge(
                      s.userId() + '\n' + s.itemId(),
                      s,
                      (a, b) ->
                          new EventEffects.Seen(
                              a.userId(),
                              a.itemId(),
                              a.impressions() + b.impressions(),
                              a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen())));
      List<EventEffects.Seen> seen = List.copyOf(summed.values());
      writes.add(
          conn.preparedQuery(EventSql.SEEN)
              .execute(
                  Tuple.of(
                      seen.stream().map(EventEffects.Seen::userId).toArray(String[]::new),
                      seen.stream().map(EventEffects.Seen::itemId).toArray(String[]::new),
                      seen.stream().map(EventEffects.Seen::impressions).toArray(Integer[]::new),
                      seen.stream()
                          .map(s -> PgRows.time(s.lastSeen()))
                          .toArray(OffsetDateTime[]::new))));
    }
    if (!effects.charges().isEmpty()) {
      // One row per (campaign, day, user), summed and in key order (no deadlocks between batches).
      Map<String, EventEffects.AdCharge> summedCharges = new java.util.TreeMap<>();
      effects
          .charges()
          .forEach(
              c ->
                  summedCharges.merge(
                      c.campaignId() + '\n' + c.day() + '\n' + c.userId(),
                      c,
                      (a, b) ->
                          new EventEffects.AdCharge(
                              a.userId(),
                              a.campaignId(),
                              a.day(),
                              a.impressions() + b.impressions(),
                              a.cost() + b.cost())));
      List<EventEffects.AdCharge> charges = List.copyOf(summedCharges.values());
      writes.add(
          conn.preparedQuery(EventSql.FREQUENCY)
              .execute(
                  Tuple.of(
                      charges.stream().map(EventEffects.AdCharge::userId).toArray(String[]::new),
                      charges.stream()
                          .map(EventEffects.AdCharge::campaignId)
                          .toArray(String[]::new),
                      charges.stream().map(EventEffects.AdCharge::day).toArray(LocalDate[]::new),
                      charges.stream()
                          .map(EventEffects.AdCharge::impressions)
                          .toArray(Integer[]::new))));
      Map<String, List<EventEffects.AdCharge>> byCampaignDay =
          new java.util.TreeMap<>(
              charges.stream()
                  .collect(
                      java.util.stream.Collectors.groupingBy(
                          c -> c.campaignId() + '\n' + c.day())));
      List<String> campaigns = new ArrayList<>();
      List<LocalDate> days = new ArrayList<>();
      List<Long> impressions = new ArrayList<>();
      List<Double> spend = new ArrayList<>();
      byCampaignDay
          .values()
          .forEach(
              group -> {
                campaigns.add(group.get(0).campaignId());
                days.add(group.get(0).day());
                impressions.add(group.stream().mapToLong(EventEffects.AdCharge::impressions).sum());
                spend.add(group.stream().mapToDouble(EventEffects.AdCharge::cost).sum());
              });
      writes.add(
          conn.preparedQuery(EventSql.DELIVERY)
              .execute(
                  Tuple.of(
                      campaigns.toArray(String[]::new),
                      days.toArray(LocalDate[]::new),
                      impressions.toArray(Long[]::new),
                      spend.toArray(Double[]::new))));
    }
    if (!effects.tasteMoves().isEmpty()) {
      List<String> users = effects.tasteMoves().keySet().stream().sorted().toList();
      writes.add(
          conn.preparedQuery(EventSql.MOVE_TASTE)
              .execute(
                  Tuple.of(
                      users.toArray(String[]::new),
                      (Object)
                          users.stream()
                              .map(u -> PgRows.vectorText(effects.tasteMoves().get(u)))
                              .toArray(String[]::new))));
    }
    if (!effects.staleCandidates().isEmpty()) {
      writes.add(
          conn.preparedQuery(EventSql.DROP_CANDIDATES)
              .execute(Tuple.of(effects.staleCandidates().toArray(String[]::new))));
    }
    return Future.all(writes).mapEmpty();
  }

  @Override
  public Future<List<UserEvent>> history(String userId, int limit) {
    return pool.preparedQuery(EventSql.HISTORY)
        .execute(Tuple.of(userId, limit))
        .map(
            rows ->
                PgRows.list(
                    rows,
                    r ->
                        new UserEvent(
                            r.getString(0),
                            r.getString(1),
                            EventType.valueOf(r.getString(2).toUpperCase(Locale.ROOT)),
                            r.getString(3),
                            r.getOffsetDateTime(4).toInstant())));
  }

  @Override
  public Future<Long> count() {
    return pool.query(EventSql.COUNT).execute().map(PgRows::count);
  }
}
