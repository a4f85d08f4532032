package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviours every {@link GraphStore} has, run against each implementation. One set of seeded
 * stores serves the class, so each test works on nodes of its own (ids with a fresh prefix).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GraphStoreContract {
  private static final GraphSignals.Bounds WIDE = new GraphSignals.Bounds(100, 100, 100, 100, 100);
  private SeededStores seeded;
  private GraphStore graph;

  protected abstract SeededStores openStores() throws Exception;

  @BeforeAll
  final void open() throws Exception {
    seeded = openStores();
    graph = seeded.stores().graph();
  }

  @AfterAll
  final void close() throws Exception {
    seeded.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Ids no other test uses. */
  private static String fresh(String kind) {
    return kind + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Edge edge(String from, EdgeType type, String to) {
    return new Edge(from, type, to);
  }

  @Test
  void theSeedWroteTheDemoEdges() throws Exception {
    assertThat(await(graph.count())).isGreaterThan(0);
    assertThat(await(graph.targets("user_001", EdgeType.FOLLOWS))).isNotEmpty();
  }

  @Test
  void everyEdgeTypeAnswersItsTargetsOldestFirst() throws Exception {
    String user = fresh("user");
    for (EdgeType type : EdgeType.values()) {
      String a = fresh(type.name().toLowerCase());
      String b = fresh(type.name().toLowerCase());
      String c = fresh(type.name().toLowerCase());
      await(graph.addEdges(List.of(edge(user, type, a), edge(user, type, b))));
      await(graph.addEdges(List.of(edge(user, type, c))));
      assertThat(await(graph.targets(user, type))).as(type.name()).containsExactly(a, b, c);
    }
    assertThat(await(graph.targets(fresh("user"), EdgeType.LIKES))).isEmpty();
  }

  @Test
  void anEdgeAddedTwiceIsOneEdgeThatKeepsItsPlace() throws Exception {
    String user = fresh("user");
    String first = fresh("content");
    String second = fresh("content");
    long before = await(graph.count());
    await(graph.addEdges(List.of(edge(user, EdgeType.LIKES, first))));
    await(graph.addEdges(List.of(edge(user, EdgeType.LIKES, second))));
    await(
        graph.addEdges(
            List.of(edge(user, EdgeType.LIKES, first), edge(user, EdgeType.LIKES, first))));
    assertThat(await(graph.targets(user, EdgeType.LIKES))).containsExactly(first, second);
    assertThat(await(graph.count())).isEqualTo(before + 2);
  }

  @Test
  void removingTakesOutOnlyEdgesThatExist() throws Exception {
    String user = fresh("user");
    String kept = fresh("content");
    String gone = fresh("content");
    String product = fresh("prod");
    await(
        graph.addEdges(
            List.of(
                edge(user, EdgeType.LIKES, kept),
                edge(user, EdgeType.LIKES, gone),
                edge(user, EdgeType.VIEWS, product))));
    long before = await(graph.count());
    await(
        graph.removeEdges(
            List.of(
                edge(user, EdgeType.LIKES, gone),
                edge(user, EdgeType.LIKES, fresh("content")),
                // Same ends, other type: the VIEWS edge stays.
                edge(user, EdgeType.PURCHASES, product))));
    assertThat(await(graph.targets(user, EdgeType.LIKES))).containsExactly(kept);
    assertThat(await(graph.targets(user, EdgeType.VIEWS))).containsExactly(product);
    assertThat(await(graph.count())).isEqualTo(before - 1);
    await(graph.addEdges(List.of(edge(user, EdgeType.LIKES, gone))));
    assertThat(await(graph.targets(user, EdgeType.LIKES))).containsExactly(kept, gone);
  }

  @Test
  void aStrangerHasNoSignals() throws Exception {
    GraphSignals signals = await(graph.signals(fresh("user"), WIDE));
    assertThat(signals.follows()).isEmpty();
    assertThat(signals.recentLikes()).isEmpty();
    assertThat(signals.peerLikes()).isEmpty();
  }

  @Test
  void signalsAnswerTheNewestFollowsAndLikesWithinTheirBounds() throws Exception {
    String user = fresh("user");
    List<String> peers = List.of(fresh("user"), fresh("user"), fresh("user"));
    List<String> liked = List.of(fresh("content"), fresh("content"), fresh("content"));
    for (String peer : peers) {
      await(graph.addEdges(List.of(edge(user, EdgeType.FOLLOWS, peer))));
    }
    for (String content : liked) {
      await(graph.addEdges(List.of(edge(user, EdgeType.LIKES, content))));
    }
    GraphSignals all = await(graph.signals(user, WIDE));
    assertThat(all.follows()).containsExactly(peers.get(2), peers.get(1), peers.get(0));
    assertThat(all.recentLikes()).containsExactly(liked.get(2), liked.get(1), liked.get(0));
    GraphSignals bounded = await(graph.signals(user, new GraphSignals.Bounds(2, 1, 5, 5, 5)));
    assertThat(bounded.follows()).containsExactly(peers.get(2), peers.get(1));
    assertThat(bounded.recentLikes()).containsExactly(liked.get(2));
  }

  @Test
  void similarUsersAreTheNewestFollowedAndTheNewestCoLikers() throws Exception {
    String user = fresh("user");
    String followedOld = fresh("user");
    String followedNew = fresh("user");
    String coLikerOld = fresh("user");
    String coLikerNew = fresh("user");
    String own = fresh("content");
    String a = fresh("content");
    String b = fresh("content");
    String c = fresh("content");
    String d = fresh("content");
    await(graph.addEdges(List.of(edge(user, EdgeType.FOLLOWS, followedOld))));
    await(graph.addEdges(List.of(edge(user, EdgeType.FOLLOWS, followedNew))));
    await(graph.addEdges(List.of(edge(coLikerOld, EdgeType.LIKES, own))));
    await(graph.addEdges(List.of(edge(coLikerNew, EdgeType.LIKES, own))));
    await(graph.addEdges(List.of(edge(user, EdgeType.LIKES, own))));
    // What each peer liked, oldest first: a then b, so b is each one's newest like.
    await(graph.addEdges(List.of(edge(followedOld, EdgeType.LIKES, c))));
    await(graph.addEdges(List.of(edge(followedNew, EdgeType.LIKES, a))));
    await(graph.addEdges(List.of(edge(followedNew, EdgeType.LIKES, b))));
    await(graph.addEdges(List.of(edge(coLikerOld, EdgeType.LIKES, d))));
    await(graph.addEdges(List.of(edge(coLikerNew, EdgeType.LIKES, b))));
    // The user's own follows of what nobody follows back, and a like of theirs, do not count.
    await(graph.addEdges(List.of(edge(user, EdgeType.LIKES, fresh("content")))));

    GraphSignals wide = await(graph.signals(user, WIDE));
    // Peers: both followed, both co-likers of own; every like of each counted once.
    assertThat(wide.peerLikes())
        .containsAllEntriesOf(Map.of(own, 2, a, 1, b, 2, c, 1, d, 1))
        .hasSize(5);

    // One followed (the newest), one co-liker per like (the newest), one like per peer (newest).
    GraphSignals narrow = await(graph.signals(user, new GraphSignals.Bounds(10, 10, 1, 1, 1)));
    assertThat(narrow.peerLikes()).isEqualTo(Map.of(b, 2));

    // No follows as peers and no co-likers: no similar users at all.
    GraphSignals none = await(graph.signals(user, new GraphSignals.Bounds(10, 10, 0, 0, 10)));
    assertThat(none.peerLikes()).isEmpty();
    assertThat(none.follows()).containsExactly(followedNew, followedOld);
  }

  @Test
  void theUserIsNeverTheirOwnSimilarUser() throws Exception {
    String user = fresh("user");
    String content = fresh("content");
    await(graph.addEdges(List.of(edge(user, EdgeType.FOLLOWS, user))));
    await(graph.addEdges(List.of(edge(user, EdgeType.LIKES, content))));
    assertThat(await(graph.signals(user, WIDE)).peerLikes()).isEmpty();
  }

  @Test
  void theGraphAnswersItsPing() throws Exception {
    await(graph.ping());
  }
}
