package com.aiagent.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The in-memory graph read by every feed event loop at once. */
class MemoryGraphStoreTest {
  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void graphReadsDoNotQueueBehindOneSharedMonitor() throws Exception {
    MemoryGraphStore graph = new MemoryGraphStore();
    await(graph.addEdges(List.of(new Edge("user_001", EdgeType.LIKES, "content_001"))));
    AtomicReference<List<String>> read = new AtomicReference<>();
    Thread reader;
    // Another holder of the store's monitor (as every synchronized read was) must not stall reads.
    synchronized (graph) {
      reader =
          new Thread(() -> read.set(graph.newestTargets("user_001", EdgeType.LIKES, 5)), "reader");
      reader.start();
      reader.join(2_000);
      assertThat(read.get()).as("read while the monitor was held").containsExactly("content_001");
    }
  }

  @Test
  void newestNeighboursAreReadNewestFirstAndForgetRemovedEdges() throws Exception {
    MemoryGraphStore graph = new MemoryGraphStore();
    List<Edge> likes = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      likes.add(new Edge("user_001", EdgeType.LIKES, String.format("content_%04d", i)));
      likes.add(new Edge(String.format("user_%04d", i), EdgeType.LIKES, "content_0000"));
    }
    await(graph.addEdges(likes));
    await(graph.addEdges(List.of(new Edge("user_001", EdgeType.LIKES, "content_0000"))));
    await(graph.removeEdges(List.of(new Edge("user_001", EdgeType.LIKES, "content_0999"))));

    assertThat(graph.newestTargets("user_001", EdgeType.LIKES, 3))
        .containsExactly("content_0998", "content_0997", "content_0996");
    assertThat(graph.newestSources("content_0000", EdgeType.LIKES, 2))
        .containsExactly("user_0999", "user_0998");
    assertThat(await(graph.targets("user_001", EdgeType.LIKES)))
        .hasSize(999)
        .startsWith("content_0000", "content_0001");
    assertThat(graph.has("user_001", EdgeType.LIKES, "content_0999")).isFalse();
    assertThat(await(graph.count())).isEqualTo(1_999);
  }

  @Test
  void concurrentReadersAndWritersKeepTheGraphConsistent() throws Exception {
    MemoryGraphStore graph = new MemoryGraphStore();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 2_000; i++) {
                    Edge edge = new Edge("user_" + id, EdgeType.LIKES, "content_" + i);
                    graph.addEdges(List.of(edge));
                    graph.newestTargets("user_" + ((id + 1) % 4), EdgeType.LIKES, 5);
                    graph.newestSources("content_" + i, EdgeType.LIKES, 5);
                    if (i % 2 == 0) {
                      graph.removeEdges(List.of(edge));
                    }
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(failures).isEmpty();
    assertThat(await(graph.count())).isEqualTo(4 * 1_000);
  }
}
