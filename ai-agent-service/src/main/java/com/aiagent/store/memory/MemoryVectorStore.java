package com.aiagent.store.memory;

import com.aiagent.bus.ServiceFailure;
import com.aiagent.store.ItemType;
import com.aiagent.store.StoredModel;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorMath;
import com.aiagent.store.VectorQuery;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Exact cosine search over every stored vector. Vectors are L2-normalized on the way in, so a
 * search is one dot product per item. Writers take a lock and publish a new array per type; readers
 * scan the array they got without locking. A search scans on a worker thread, not on the caller's
 * event loop (a scale data set holds 100,000 vectors of a type); a query of another dimension than
 * the stored vectors fails as a bad request.
 */
public final class MemoryVectorStore implements VectorStore {
  private final Vertx vertx;
  private final Map<ItemType, Map<String, VectorEntry>> byType = new EnumMap<>(ItemType.class);
  private final Map<ItemType, VectorEntry[]> snapshots = new EnumMap<>(ItemType.class);
  private volatile Map<ItemType, VectorEntry[]> published = Map.of();
  private String model;
  private int dimension;

  public MemoryVectorStore(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public synchronized Future<Void> upsert(List<VectorEntry> entries) {
    for (VectorEntry entry : entries) {
      checkSameSpace(entry);
    }
    for (VectorEntry entry : entries) {
      VectorEntry normalized =
          new VectorEntry(
              entry.id(),
              entry.type(),
              entry.category(),
              entry.active(),
              entry.liveFrom(),
              entry.liveUntil(),
              VectorMath.normalized(entry.vector()),
              entry.model());
      byType.computeIfAbsent(entry.type(), t -> new LinkedHashMap<>()).put(entry.id(), normalized);
    }
    for (Map.Entry<ItemType, Map<String, VectorEntry>> e : byType.entrySet()) {
      snapshots.put(e.getKey(), e.getValue().values().toArray(VectorEntry[]::new));
    }
    published = Map.copyOf(snapshots);
    return Future.succeededFuture();
  }

  private void checkSameSpace(VectorEntry entry) {
    if (model == null) {
      model = entry.model();
      dimension = entry.vector().length;
    }
    if (!model.equals(entry.model()) || dimension != entry.vector().length) {
      throw new IllegalArgumentException(
          "refusing to mix vectors: store holds "
              + model
              + "/"
              + dimension
              + ", got "
              + entry.model()
              + "/"
              + entry.vector().length
              + " for "
              + entry.id());
    }
  }

  @Override
  public Future<List<VectorMatch>> search(VectorQuery query) {
    return vertx
        .executeBlocking(
            () ->
                nearest(
                    query.type(),
                    query.vector(),
                    query.k(),
                    entry ->
                        (query.category() == null || query.category().equals(entry.category()))
                            && (query.liveAt() == null || entry.liveAt(query.liveAt()))),
            false)
        .recover(
            error ->
                Future.failedFuture(
                    error instanceof IllegalArgumentException
                        ? ServiceFailure.badRequest(error.getMessage())
                        : error));
  }

  /** The {@code k} entries of {@code type} nearest to {@code vector} among those {@code keep}s. */
  List<VectorMatch> nearest(
      ItemType type, float[] vector, int k, java.util.function.Predicate<VectorEntry> keep) {
    VectorEntry[] entries = published.getOrDefault(type, new VectorEntry[0]);
    if (entries.length > 0 && entries[0].vector().length != vector.length) {
      throw new IllegalArgumentException(
          "query has " + vector.length + " dimensions, store has " + entries[0].vector().length);
    }
    float[] q = VectorMath.normalized(vector);
    Comparator<VectorMatch> worstFirst =
        Comparator.comparingDouble(VectorMatch::similarity)
            .thenComparing(VectorMatch::id, Comparator.reverseOrder());
    PriorityQueue<VectorMatch> top = new PriorityQueue<>(worstFirst);
    for (VectorEntry entry : entries) {
      if (k == 0 || !keep.test(entry)) {
        continue;
      }
      VectorMatch match =
          new VectorMatch(entry.id(), entry.type(), VectorMath.dot(q, entry.vector()));
      if (top.size() < k) {
        top.add(match);
      } else if (worstFirst.compare(match, top.peek()) > 0) {
        top.poll();
        top.add(match);
      }
    }
    List<VectorMatch> result = new ArrayList<>(top);
    result.sort(worstFirst.reversed());
    return result;
  }

  @Override
  public Future<Map<String, float[]>> vectors(List<String> ids) {
    return Future.succeededFuture(vectorsNow(ids));
  }

  @Override
  public synchronized Future<Map<String, float[]>> vectors(ItemType type, List<String> ids) {
    Map<String, VectorEntry> entries = byType.getOrDefault(type, Map.of());
    Map<String, float[]> result = new LinkedHashMap<>();
    for (String id : ids) {
      VectorEntry entry = entries.get(id);
      if (entry != null) {
        result.put(id, entry.vector());
      }
    }
    return Future.succeededFuture(result);
  }

  /** The stored (normalized) vectors of the given ids that exist. */
  synchronized Map<String, float[]> vectorsNow(List<String> ids) {
    Map<String, float[]> result = new LinkedHashMap<>();
    for (String id : ids) {
      for (Map<String, VectorEntry> entries : byType.values()) {
        VectorEntry entry = entries.get(id);
        if (entry != null) {
          result.put(id, entry.vector());
          break;
        }
      }
    }
    return result;
  }

  synchronized List<StoredModel> storedModels() {
    List<StoredModel> result = new ArrayList<>();
    for (Map.Entry<ItemType, Map<String, VectorEntry>> e : byType.entrySet()) {
      if (!e.getValue().isEmpty()) {
        result.add(new StoredModel(e.getKey(), model, dimension, e.getValue().size()));
      }
    }
    return result;
  }

  synchronized List<String> idsNotMadeBy(ItemType type, String wanted, String after, int limit) {
    return byType.getOrDefault(type, Map.of()).values().stream()
        .filter(entry -> !entry.model().equals(wanted))
        .map(VectorEntry::id)
        .filter(id -> after == null || id.compareTo(after) > 0)
        .sorted()
        .limit(limit)
        .toList();
  }

  @Override
  public Future<Long> count(ItemType type) {
    return Future.succeededFuture((long) published.getOrDefault(type, new VectorEntry[0]).length);
  }
}
