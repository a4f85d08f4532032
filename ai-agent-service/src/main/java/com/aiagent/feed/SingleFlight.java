package com.aiagent.feed;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one piece of work per key at a time: callers asking for a key whose work is under way get
 * the same future. Used from one event loop only. {@link #forget} lets the next caller start anew
 * (after the data behind a key changed) while the running work finishes for those who wait on it.
 */
final class SingleFlight<K, V> {
  private final Map<K, Future<V>> running = new HashMap<>();

  Future<V> run(K key, Supplier<Future<V>> work) {
    Future<V> current = running.get(key);
    if (current != null) {
      return current;
    }
    Future<V> started;
    try {
      started = work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (!started.isComplete()) {
      running.put(key, started);
      started.onComplete(done -> running.remove(key, started));
    }
    return started;
  }

  void forget(K key) {
    running.remove(key);
  }
}
