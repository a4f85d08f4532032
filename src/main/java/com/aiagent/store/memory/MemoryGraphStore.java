package com.aiagent.store.memory;

import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import com.aiagent.store.GraphStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Adjacency lists in both directions per edge type, guarded by one lock. */
public final class MemoryGraphStore implements GraphStore {
  private final Map<EdgeType, Map<String, LinkedHashSet<String>>> out =
      new EnumMap<>(EdgeType.class);
  private final Map<EdgeType, Map<String, LinkedHashSet<String>>> in =
      new EnumMap<>(EdgeType.class);
  private long count;

  @Override
  public synchronized Future<Void> addEdges(List<Edge> edges) {
    for (Edge edge : edges) {
      boolean added =
          out.computeIfAbsent(edge.type(), t -> new HashMap<>())
              .computeIfAbsent(edge.from(), k -> new LinkedHashSet<>())
              .add(edge.to());
      in.computeIfAbsent(edge.type(), t -> new HashMap<>())
          .computeIfAbsent(edge.to(), k -> new LinkedHashSet<>())
          .add(edge.from());
      if (added) {
        count++;
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> removeEdges(List<Edge> edges) {
    for (Edge edge : edges) {
      if (neighbours(out, edge.type(), edge.from()).remove(edge.to())) {
        count--;
      }
      neighbours(in, edge.type(), edge.to()).remove(edge.from());
    }
    return Future.succeededFuture();
  }

  /** The {@code limit} newest targets of a user's edges of {@code type}, newest first. */
  synchronized List<String> newestTargets(String userId, EdgeType type, int limit) {
    return newest(neighbours(out, type, userId), limit);
  }

  /** The {@code limit} newest users with an edge of {@code type} to {@code node}, newest first. */
  synchronized List<String> newestSources(String node, EdgeType type, int limit) {
    return newest(neighbours(in, type, node), limit);
  }

  synchronized boolean has(String from, EdgeType type, String to) {
    return neighbours(out, type, from).contains(to);
  }

  private static List<String> newest(Set<String> ordered, int limit) {
    List<String> all = new ArrayList<>(ordered);
    List<String> newest = new ArrayList<>(Math.min(limit, all.size()));
    for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
      newest.add(all.get(i));
    }
    return newest;
  }

  @Override
  public synchronized Future<List<String>> targets(String userId, EdgeType type) {
    return Future.succeededFuture(new ArrayList<>(neighbours(out, type, userId)));
  }

  @Override
  public synchronized Future<Map<String, Integer>> likedBySimilarUsers(String userId) {
    Set<String> ownLikes = neighbours(out, EdgeType.LIKES, userId);
    Set<String> similar = new HashSet<>(neighbours(out, EdgeType.FOLLOWS, userId));
    for (String content : ownLikes) {
      similar.addAll(neighbours(in, EdgeType.LIKES, content));
    }
    similar.remove(userId);
    Map<String, Integer> counts = new TreeMap<>();
    for (String other : similar) {
      for (String content : neighbours(out, EdgeType.LIKES, other)) {
        if (!ownLikes.contains(content)) {
          counts.merge(content, 1, Integer::sum);
        }
      }
    }
    return Future.succeededFuture(counts);
  }

  @Override
  public synchronized Future<Long> count() {
    return Future.succeededFuture(count);
  }

  private static Set<String> neighbours(
      Map<EdgeType, Map<String, LinkedHashSet<String>>> index, EdgeType type, String node) {
    return index.getOrDefault(type, Map.of()).getOrDefault(node, new LinkedHashSet<>());
  }
}
