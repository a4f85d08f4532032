package com.aiagent.store.memory;

import com.aiagent.store.EventEffects;
import com.aiagent.store.EventStore;
import com.aiagent.store.UserEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** User events and their effects in this process (the embedded default). */
public final class MemoryEventStore implements EventStore {
  private final MemoryActivity activity;
  private final MemoryVectorStore vectors;
  private final MemoryGraphStore graph;
  private final MemoryFeedStore feed;

  MemoryEventStore(
      MemoryActivity activity,
      MemoryVectorStore vectors,
      MemoryGraphStore graph,
      MemoryFeedStore feed) {
    this.activity = activity;
    this.vectors = vectors;
    this.graph = graph;
    this.feed = feed;
  }

  @Override
  public synchronized Future<List<UserEvent>> record(
      List<UserEvent> events, Function<List<UserEvent>, EventEffects> effects) {
    List<UserEvent> fresh = activity.keepNew(events);
    EventEffects derived;
    Map<String, float[]> profiles;
    try {
      derived = effects.apply(fresh);
      profiles = vectors.vectorsNow(List.copyOf(derived.tasteMoves().keySet()));
    } catch (RuntimeException e) {
      activity.forget(fresh);
      return Future.failedFuture(e);
    }
    graph.removeEdges(derived.removedEdges());
    graph.addEdges(derived.addedEdges());
    activity.apply(derived, profiles);
    derived.staleCandidates().forEach(feed::forget);
    return Future.succeededFuture(fresh);
  }

  @Override
  public Future<List<UserEvent>> history(String userId, int limit) {
    return Future.succeededFuture(activity.history(userId, limit));
  }

  @Override
  public Future<Long> count() {
    return Future.succeededFuture(activity.count());
  }
}
