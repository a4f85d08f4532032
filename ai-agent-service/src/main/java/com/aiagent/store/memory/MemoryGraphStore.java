package com.aiagent.store.memory;

import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import com.aiagent.store.GraphSignals;
import com.aiagent.store.GraphStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Adjacency lists in both directions per edge type. Reads from every feed event loop run together
 * under a read lock, and each does bounded work: the newest {@code limit} neighbours of a node are
 * read off its edges kept in the order they were added, without copying the rest. Writes take the
 * write lock for the map updates only.
 */
public final class MemoryGraphStore implements GraphStore {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<EdgeType, Map<String, Neighbours>> out = new EnumMap<>(EdgeType.class);
  private final Map<EdgeType, Map<String, Neighbours>> in = new EnumMap<>(EdgeType.class);
  private long count;
  private long seq;

  /** One node's neighbours by one edge type, in the order the edges were added. */
  private static final class Neighbours {
    private final Map<String, Long> seqOf = new HashMap<>();
    private final TreeMap<Long, String> bySeq = new TreeMap<>();

    boolean add(String node, long at) {
      if (seqOf.putIfAbsent(node, at) != null) {
        return false;
      }
      bySeq.put(at, node);
      return true;
    }

    boolean remove(String node) {
      Long at = seqOf.remove(node);
      if (at == null) {
        return false;
      }
      bySeq.remove(at);
      return true;
    }

    boolean contains(String node) {
      return seqOf.containsKey(node);
    }

    List<String> newest(int limit) {
      List<String> newest = new ArrayList<>(Math.min(limit, bySeq.size()));
      Iterator<String> it = bySeq.descendingMap().values().iterator();
      while (it.hasNext() && newest.size() < limit) {
        newest.add(it.next());
      }
      return newest;
    }

    List<String> oldestFirst() {
      return new ArrayList<>(bySeq.values());
    }
  }

  private static final Neighbours NONE = new Neighbours();

  @Override
  public Future<Void> addEdges(List<Edge> edges) {
    write(
        () -> {
          for (Edge edge : edges) {
            long at = ++seq;
            boolean added =
                out.computeIfAbsent(edge.type(), t -> new HashMap<>())
                    .computeIfAbsent(edge.from(), k -> new Neighbours())
                    .add(edge.to(), at);
            in.computeIfAbsent(edge.type(), t -> new HashMap<>())
                .computeIfAbsent(edge.to(), k -> new Neighbours())
                .add(edge.from(), at);
            if (added) {
              count++;
            }
          }
          return null;
        });
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> removeEdges(List<Edge> edges) {
    write(
        () -> {
          for (Edge edge : edges) {
            if (neighbours(out, edge.type(), edge.from()).remove(edge.to())) {
              count--;
            }
            neighbours(in, edge.type(), edge.to()).remove(edge.from());
          }
          return null;
        });
    return Future.succeededFuture();
  }

  /** The {@code limit} newest targets of a user's edges of {@code type}, newest first. */
  List<String> newestTargets(String userId, EdgeType type, int limit) {
    return read(() -> neighbours(out, type, userId).newest(limit));
  }

  /** The {@code limit} newest users with an edge of {@code type} to {@code node}, newest first. */
  List<String> newestSources(String node, EdgeType type, int limit) {
    return read(() -> neighbours(in, type, node).newest(limit));
  }

  boolean has(String from, EdgeType type, String to) {
    return read(() -> neighbours(out, type, from).contains(to));
  }

  @Override
  public Future<List<String>> targets(String userId, EdgeType type) {
    return Future.succeededFuture(read(() -> neighbours(out, type, userId).oldestFirst()));
  }

  @Override
  public Future<GraphSignals> signals(String userId, GraphSignals.Bounds bounds) {
    return Future.succeededFuture(read(() -> signalsNow(userId, bounds)));
  }

  private GraphSignals signalsNow(String userId, GraphSignals.Bounds bounds) {
    List<String> follows = neighbours(out, EdgeType.FOLLOWS, userId).newest(bounds.follows());
    List<String> likes = neighbours(out, EdgeType.LIKES, userId).newest(bounds.recentLikes());
    Set<String> peers =
        new LinkedHashSet<>(
            neighbours(out, EdgeType.FOLLOWS, userId).newest(bounds.followedPeers()));
    for (String liked : likes) {
      neighbours(in, EdgeType.LIKES, liked).newest(bounds.likersPerLike() + 1).stream()
          .filter(liker -> !liker.equals(userId))
          .limit(bounds.likersPerLike())
          .forEach(peers::add);
    }
    peers.remove(userId);
    Map<String, Integer> peerLikes = new HashMap<>();
    for (String peer : peers) {
      for (String content : neighbours(out, EdgeType.LIKES, peer).newest(bounds.peerLikes())) {
        peerLikes.merge(content, 1, Integer::sum);
      }
    }
    return new GraphSignals(follows, likes, peerLikes);
  }

  @Override
  public Future<Long> count() {
    return Future.succeededFuture(read(() -> count));
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  private <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The node's neighbours; a node without any gets an empty set that is never stored. */
  private static Neighbours neighbours(
      Map<EdgeType, Map<String, Neighbours>> index, EdgeType type, String node) {
    return index.getOrDefault(type, Map.of()).getOrDefault(node, NONE);
  }
}
