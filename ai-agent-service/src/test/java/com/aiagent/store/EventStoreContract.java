package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviours every {@link EventStore} has, run against each implementation on the seeded demo
 * data. One set of stores serves the whole class, so each test works on users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EventStoreContract {
  private static final Function<List<UserEvent>, EventEffects> FAILING =
      fresh -> {
        throw new IllegalStateException("effects failed");
      };
  private SeededStores seeded;
  private Stores stores;

  /** Stores holding the seeded demo data, opened once for the class. */
  protected abstract SeededStores openStores() throws Exception;

  @BeforeAll
  final void open() throws Exception {
    seeded = openStores();
    stores = seeded.stores();
  }

  @AfterAll
  final void close() throws Exception {
    seeded.close();
  }

  protected static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aRetriedBatchIsStoredOnceAndItsEffectsApplyOnce() throws Exception {
    String user = "user_001";
    FeedState before = build(user);
    String content = before.candidates().contents().get(0).id();
    String campaign = before.candidates().ads().get(0).id();
    List<UserEvent> batch =
        List.of(
            event(user, "retry-1", EventType.IMPRESSION, content, 0),
            event(user, "retry-2", EventType.IMPRESSION, campaign, 1));
    Effects effects =
        new Effects()
            .on("retry-1", seen(user, content, 1))
            .on("retry-2", charge(user, campaign, 1, 0.5));
    long count = await(stores.events().count());

    assertThat(record(batch, effects)).isEqualTo(batch);
    assertThat(record(batch, effects)).isEmpty();

    assertThat(effects.calls).containsExactly(batch, List.of());
    assertThat(await(stores.events().count())).isEqualTo(count + 2);
    assertThat(await(stores.events().history(user, 100))).isEqualTo(batch);
    FeedState after = build(user);
    assertThat(after.seen().getOrDefault(content, 0))
        .isEqualTo(before.seen().getOrDefault(content, 0) + 1);
    assertThat(after.adImpressionsToday().getOrDefault(campaign, 0))
        .isEqualTo(before.adImpressionsToday().getOrDefault(campaign, 0) + 1);
    assertThat(after.spendToday().getOrDefault(campaign, 0.0))
        .isCloseTo(before.spendToday().getOrDefault(campaign, 0.0) + 0.5, within(1e-9));
  }

  @Test
  void effectsOfOnlyTheNewEventsAreWritten() throws Exception {
    String user = "user_002";
    List<FeedCandidates.ContentCandidate> contents = build(user).candidates().contents();
    String old = contents.get(0).id();
    String fresh = contents.get(1).id();
    UserEvent first = event(user, "mix-1", EventType.IMPRESSION, old, 0);
    UserEvent second = event(user, "mix-2", EventType.IMPRESSION, fresh, 1);
    Effects effects =
        new Effects().on("mix-1", seen(user, old, 1)).on("mix-2", seen(user, fresh, 1));

    record(List.of(first), effects);
    assertThat(record(List.of(first, second), effects)).containsExactly(second);

    assertThat(effects.calls).containsExactly(List.of(first), List.of(second));
    assertThat(build(user).seen()).containsEntry(old, 1).containsEntry(fresh, 1);
  }

  @Test
  void historyIsOldestFirstAndBounded() throws Exception {
    String user = "user_003";
    UserEvent e0 = event(user, "h-a", EventType.CLICK, "content_010", 0);
    UserEvent e1 = event(user, "h-b", EventType.CLICK, "content_020", 1);
    UserEvent e2 = event(user, "h-c", EventType.CLICK, "content_030", 2);
    UserEvent e3 = event(user, "h-d", EventType.CLICK, "content_040", 3);
    // Two batches, each out of order, the second partly older than the first.
    record(List.of(e3, e1), new Effects());
    record(List.of(e2, e0), new Effects());
    record(List.of(event("user_013", "h-a", EventType.CLICK, "content_050", 0)), new Effects());

    assertThat(await(stores.events().history(user, 10))).containsExactly(e0, e1, e2, e3);
    assertThat(await(stores.events().history(user, 3))).containsExactly(e0, e1, e2);
    assertThat(await(stores.events().history("user_404", 10))).isEmpty();
  }

  @Test
  void edgesAddedAndRemovedByABatchReachTheGraph() throws Exception {
    String user = "user_004";
    List<String> follows = await(stores.graph().targets(user, EdgeType.FOLLOWS));
    String unfollowed = follows.get(0);
    String followed = "user_010";
    assertThat(follows).doesNotContain(followed);
    EventEffects edges =
        edges(
            List.of(
                new Edge(user, EdgeType.FOLLOWS, followed),
                new Edge(user, EdgeType.LIKES, "content_099")),
            List.of(
                new Edge(user, EdgeType.FOLLOWS, unfollowed),
                new Edge(user, EdgeType.LIKES, "content_404")));

    record(event(user, "edge-1", EventType.FOLLOW, followed, 0), edges);

    List<String> now = await(stores.graph().targets(user, EdgeType.FOLLOWS));
    assertThat(now).doesNotContain(unfollowed).endsWith(followed).hasSize(follows.size());
    assertThat(await(stores.graph().targets(user, EdgeType.LIKES))).endsWith("content_099");
  }

  @Test
  void hidesSeenCountsAndAdChargesShowInTheFeedState() throws Exception {
    String user = "user_005";
    FeedState before = build(user);
    List<FeedCandidates.ContentCandidate> contents = before.candidates().contents();
    List<FeedCandidates.AdCandidate> ads = before.candidates().ads();
    String hiddenContent = contents.get(0).id();
    String seenContent = contents.get(1).id();
    String hiddenAd = ads.get(0).id();
    String chargedAd = ads.get(1).id();
    assertThat(before.hidden()).isEmpty();
    assertThat(before.seen()).doesNotContainKey(seenContent);

    record(
        event(user, "live-1", EventType.IMPRESSION, seenContent, 0),
        all(
            hide(user, hiddenContent),
            hide(user, hiddenAd),
            seen(user, seenContent, 3),
            charge(user, chargedAd, 2, 0.25)));

    FeedState after = build(user);
    assertThat(after.hidden()).containsExactlyInAnyOrder(hiddenContent, hiddenAd);
    assertThat(after.seen()).containsEntry(seenContent, 3).doesNotContainKey(hiddenContent);
    assertThat(after.adImpressionsToday()).containsEntry(chargedAd, 2);
    assertThat(after.spendToday().getOrDefault(chargedAd, 0.0))
        .isCloseTo(before.spendToday().getOrDefault(chargedAd, 0.0) + 0.25, within(1e-9));
    FeedState tomorrow =
        await(stores.feed().build(user, spec(today().plusDays(1), false))).orElseThrow();
    assertThat(tomorrow.adImpressionsToday()).doesNotContainKey(chargedAd);
  }

  @Test
  void tasteMovesChangeTheNextCandidates() throws Exception {
    String user = "user_006";
    // A food content, far from a fashion and electronics taste, by another author.
    String target = "content_003";
    assertThat(build(user).candidates().contents().get(0).id()).isNotEqualTo(target);
    float[] vector = await(stores.vectors().vectors(List.of(target))).get(target);
    float[] move = new float[vector.length];
    for (int i = 0; i < move.length; i++) {
      move[i] = vector[i] * 20;
    }

    record(event(user, "taste-1", EventType.LIKE, target, 0), taste(user, move));

    FeedCandidates.ContentCandidate first = build(user).candidates().contents().get(0);
    assertThat(first.id()).isEqualTo(target);
    assertThat(first.similarity()).isGreaterThan(0.95);
  }

  @Test
  void staleCandidatesAreDropped() throws Exception {
    String user = "user_007";
    await(stores.feed().build(user, spec(today(), true)));
    await(stores.feed().build("user_014", spec(today(), true)));
    assertThat(stored(user)).isNotNull();

    record(event(user, "stale-1", EventType.FOLLOW, "user_001", 0), stale(user));

    assertThat(stored(user)).isNull();
    assertThat(stored("user_014")).isNotNull();
  }

  @Test
  void aFailingEffectsFunctionStoresNothing() throws Exception {
    String user = "user_008";
    String content = build(user).candidates().contents().get(0).id();
    List<UserEvent> batch = List.of(event(user, "fail-1", EventType.IMPRESSION, content, 0));
    long count = await(stores.events().count());

    assertThatThrownBy(() -> record(batch, FAILING)).hasMessageContaining("effects failed");
    assertThat(await(stores.events().count())).isEqualTo(count);
    assertThat(await(stores.events().history(user, 10))).isEmpty();

    Effects working = new Effects().on("fail-1", seen(user, content, 1));
    assertThat(record(batch, working)).isEqualTo(batch);
    assertThat(working.calls).containsExactly(batch);
    assertThat(await(stores.events().count())).isEqualTo(count + 1);
    assertThat(build(user).seen()).containsEntry(content, 1);
  }

  @Test
  void repeatedImpressionsOfOneItemInABatchAddUp() throws Exception {
    String user = "user_009";
    FeedState before = build(user);
    String content = before.candidates().contents().get(0).id();
    String campaign = before.candidates().ads().get(0).id();

    record(
        event(user, "twice-1", EventType.IMPRESSION, content, 0),
        all(
            seen(user, content, 1),
            seen(user, content, 2),
            charge(user, campaign, 1, 0.125),
            charge(user, campaign, 1, 0.125)));

    FeedState after = build(user);
    assertThat(after.seen()).containsEntry(content, 3);
    assertThat(after.adImpressionsToday()).containsEntry(campaign, 2);
    assertThat(after.spendToday().getOrDefault(campaign, 0.0))
        .isCloseTo(before.spendToday().getOrDefault(campaign, 0.0) + 0.25, within(1e-9));
  }

  private List<UserEvent> record(
      List<UserEvent> events, Function<List<UserEvent>, EventEffects> effects) throws Exception {
    return await(stores.events().record(events, effects));
  }

  /** Records one new event whose effects are {@code effects}. */
  private void record(UserEvent event, EventEffects effects) throws Exception {
    assertThat(record(List.of(event), new Effects().on(event.eventId(), effects)))
        .containsExactly(event);
  }

  private FeedCandidates stored(String user) throws Exception {
    return await(stores.feed().state(user, today())).orElseThrow().candidates();
  }

  private FeedState build(String user) throws Exception {
    return await(stores.feed().build(user, spec(today(), false))).orElseThrow();
  }

  private static CandidateSpec spec(LocalDate day, boolean store) {
    return new CandidateSpec(
        Instant.now().truncatedTo(ChronoUnit.MILLIS), day, 30, 10, 5, 5, 20, 20, store);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Seoul"));
  }

  /** An event {@code second}s after a fixed start, so a test's events have distinct times. */
  private static UserEvent event(String user, String id, EventType type, String item, int second) {
    return new UserEvent(
        user, id, type, item, Instant.parse("2026-11-20T00:00:00Z").plusSeconds(second));
  }

  private static EventEffects edges(List<Edge> added, List<Edge> removed) {
    return new EventEffects(added, removed, List.of(), List.of(), List.of(), Map.of(), List.of());
  }

  private static EventEffects hide(String user, String item) {
    var h = List.of(new EventEffects.Hidden(user, item));
    return new EventEffects(List.of(), List.of(), h, List.of(), List.of(), Map.of(), List.of());
  }

  private static EventEffects seen(String user, String item, int impressions) {
    var s = List.of(new EventEffects.Seen(user, item, impressions, Instant.now()));
    return new EventEffects(List.of(), List.of(), List.of(), s, List.of(), Map.of(), List.of());
  }

  private static EventEffects charge(String user, String campaign, int impressions, double cost) {
    var c = List.of(new EventEffects.AdCharge(user, campaign, today(), impressions, cost));
    return new EventEffects(List.of(), List.of(), List.of(), List.of(), c, Map.of(), List.of());
  }

  private static EventEffects taste(String user, float[] move) {
    var m = Map.of(user, move);
    return new EventEffects(List.of(), List.of(), List.of(), List.of(), List.of(), m, List.of());
  }

  private static EventEffects stale(String user) {
    var u = List.of(user);
    return new EventEffects(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), u);
  }

  /** All the effects of {@code parts}, in order. */
  private static EventEffects all(EventEffects... parts) {
    List<EventEffects> list = List.of(parts);
    Map<String, float[]> moves = new LinkedHashMap<>();
    list.forEach(p -> moves.putAll(p.tasteMoves()));
    return new EventEffects(
        flat(list, EventEffects::addedEdges),
        flat(list, EventEffects::removedEdges),
        flat(list, EventEffects::hides),
        flat(list, EventEffects::seen),
        flat(list, EventEffects::charges),
        moves,
        flat(list, EventEffects::staleCandidates).stream().distinct().toList());
  }

  private static <T> List<T> flat(List<EventEffects> parts, Function<EventEffects, List<T>> of) {
    return parts.stream().flatMap(p -> of.apply(p).stream()).toList();
  }

  /** Effects derived per event id from exactly the events given; remembers each call. */
  private static final class Effects implements Function<List<UserEvent>, EventEffects> {
    final Map<String, EventEffects> byEvent = new HashMap<>();
    final List<List<UserEvent>> calls = new ArrayList<>();

    Effects on(String eventId, EventEffects effects) {
      byEvent.put(eventId, effects);
      return this;
    }

    @Override
    public EventEffects apply(List<UserEvent> fresh) {
      calls.add(List.copyOf(fresh));
      return all(
          fresh.stream()
              .map(e -> byEvent.getOrDefault(e.eventId(), EventEffects.none()))
              .toArray(EventEffects[]::new));
    }
  }
}
