package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviours every {@link FeedStore} has, run against each implementation on the seeded demo
 * data. One set of stores serves the whole class, so each test works on users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FeedStoreContract {
  private static final Comparator<Double> DESCENDING = Comparator.reverseOrder();
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
  void anUnknownUserHasNoState() throws Exception {
    assertThat(await(stores.feed().state("user_404", today()))).isEmpty();
    assertThat(await(stores.feed().build("user_404", spec(now(), 10, 5, 5, true)))).isEmpty();
    assertThat(await(stores.feed().state("user_404", today()))).isEmpty();
  }

  @Test
  void buildFindsContentsAndLiveTargetedCampaignsNearTheTaste() throws Exception {
    String userId = "user_001";
    User user = await(stores.catalog().user(userId)).orElseThrow();
    float[] taste = await(stores.vectors().vectors(List.of(userId))).get(userId);
    for (Instant asOf : List.of(now(), Instant.parse("2026-11-01T00:00:00Z"))) {
      FeedState state = await(stores.feed().build(userId, spec(asOf, 10, 5, 5, false))).get();
      assertThat(state.userId()).isEqualTo(userId);
      assertThat(state.interests()).isEqualTo(user.interests());
      FeedCandidates candidates = state.candidates();
      assertThat(candidates.builtAt()).isEqualTo(asOf);

      List<FeedCandidates.ContentCandidate> contents = candidates.contents();
      assertThat(contents).hasSize(10);
      assertThat(contents).extracting(c -> c.similarity()).isSortedAccordingTo(DESCENDING);
      List<Content> stored = contentsOf(contents.stream().map(c -> c.id()).toList());
      assertThat(stored).allSatisfy(c -> assertThat(c.authorId()).isNotEqualTo(userId));
      assertThat(stored).allSatisfy(c -> assertThat(c.createdAt()).isBeforeOrEqualTo(asOf));
      assertThat(contents).extracting(c -> c.authorId()).isEqualTo(authors(stored));
      // The nearest of all the contents the user may see then.
      List<String> eligible =
          await(stores.vectors().search(VectorQuery.of(ItemType.CONTENT, taste, 100))).stream()
              .map(VectorMatch::id)
              .toList();
      List<String> nearest =
          contentsOf(eligible).stream()
              .filter(c -> !c.authorId().equals(userId) && !c.createdAt().isAfter(asOf))
              .map(Content::id)
              .limit(10)
              .toList();
      assertThat(contents).extracting(c -> c.id()).isEqualTo(nearest);

      List<FeedCandidates.AdCandidate> ads = candidates.ads();
      assertThat(ads).hasSize(5);
      assertThat(ads).extracting(a -> a.similarity()).isSortedAccordingTo(DESCENDING);
      assertThat(await(stores.catalog().campaigns(ads.stream().map(a -> a.id()).toList())))
          .hasSize(5)
          .allSatisfy(c -> assertThat(c.liveAt(asOf)).as(c.id() + " live").isTrue())
          .allSatisfy(c -> assertThat(c.targets(user.interests())).as(c.id()).isTrue());
    }
  }

  @Test
  void poolsAreBoundedBySpec() throws Exception {
    FeedCandidates candidates =
        await(stores.feed().build("user_002", spec(now(), 5, 2, 5, false))).get().candidates();
    assertThat(candidates.contents()).hasSize(5);
    assertThat(candidates.ads()).hasSize(2);
  }

  @Test
  void storedCandidatesComeBackFromState() throws Exception {
    FeedState built = await(stores.feed().build("user_003", spec(now(), 10, 5, 5, true))).get();
    FeedCandidates stored = await(stores.feed().state("user_003", today())).get().candidates();
    assertThat(stored.builtAt()).isEqualTo(built.candidates().builtAt());
    assertThat(stored.contents()).isEqualTo(built.candidates().contents());
    assertThat(stored.ads()).isEqualTo(built.candidates().ads());

    // A build that is not stored neither stores nor replaces anything.
    await(stores.feed().build("user_003", spec(now().plusSeconds(1), 3, 1, 5, false)));
    assertThat(await(stores.feed().state("user_003", today())).get().candidates())
        .isEqualTo(stored);
    await(stores.feed().build("user_004", spec(now(), 10, 5, 5, false)));
    assertThat(await(stores.feed().state("user_004", today())).get().candidates()).isNull();
  }

  @Test
  void followedAuthorsAndLikesOfSimilarUsersAreCounted() throws Exception {
    String user = "user_005";
    unlikeEverything(user);
    List<FeedCandidates.ContentCandidate> first = build(user, 5);
    assertThat(first).allSatisfy(c -> assertThat(c.likedSimilarity()).isNull());
    List<String> followed = await(stores.graph().targets(user, EdgeType.FOLLOWS));
    String author =
        first.stream().map(c -> c.authorId()).filter(a -> !followed.contains(a)).findFirst().get();

    await(stores.graph().addEdges(List.of(new Edge(user, EdgeType.FOLLOWS, author))));
    List<FeedCandidates.ContentCandidate> following = build(user, 5);
    List<String> follows = await(stores.graph().targets(user, EdgeType.FOLLOWS));
    assertThat(following)
        .allSatisfy(c -> assertThat(c.followedAuthor()).isEqualTo(follows.contains(c.authorId())))
        .anySatisfy(c -> assertThat(c.authorId()).isEqualTo(author));

    // The followed author is a similar user: a like of theirs counts once more.
    List<String> authorLikes = await(stores.graph().targets(author, EdgeType.LIKES));
    FeedCandidates.ContentCandidate liked =
        following.stream().filter(c -> !authorLikes.contains(c.id())).findFirst().get();
    await(stores.graph().addEdges(List.of(new Edge(author, EdgeType.LIKES, liked.id()))));
    assertThat(candidate(build(user, 5), liked.id()).likedBySimilarUsers())
        .isEqualTo(liked.likedBySimilarUsers() + 1);

    String own = following.get(0).id();
    await(stores.graph().addEdges(List.of(new Edge(user, EdgeType.LIKES, own))));
    assertThat(build(user, 5))
        .allSatisfy(
            c -> assertThat(c.likedSimilarity() == null).as(c.id()).isEqualTo(c.id().equals(own)));
  }

  @Test
  void similarUsersAreBoundedBySpec() throws Exception {
    String user = "user_006";
    unlikeEverything(user);
    List<FeedCandidates.ContentCandidate> first = build(user, 1);
    String shared = first.get(0).id();
    String target = first.get(1).id();
    List<String> follows = await(stores.graph().targets(user, EdgeType.FOLLOWS));
    List<String> strangers = new java.util.ArrayList<>();
    for (String other : IntStream.rangeClosed(1, 15).mapToObj("user_%03d"::formatted).toList()) {
      List<String> liked = likes(other);
      if (!other.equals(user)
          && !follows.contains(other)
          && !liked.contains(shared)
          && !liked.contains(target)) {
        strangers.add(other);
      }
    }
    String older = strangers.get(0);
    String newer = strangers.get(1);
    // The user, then two strangers, like the same content: one liker per like is the newer one.
    for (String liker : List.of(user, older, newer)) {
      await(stores.graph().addEdges(List.of(new Edge(liker, EdgeType.LIKES, shared))));
    }
    int before = candidate(build(user, 1), target).likedBySimilarUsers();

    await(stores.graph().addEdges(List.of(new Edge(newer, EdgeType.LIKES, target))));
    assertThat(candidate(build(user, 1), target).likedBySimilarUsers()).isEqualTo(before + 1);
    await(stores.graph().addEdges(List.of(new Edge(older, EdgeType.LIKES, target))));
    assertThat(candidate(build(user, 1), target).likedBySimilarUsers())
        .as("%s is not among the %d newest other likers of %s", older, 1, shared)
        .isEqualTo(before + 1);
  }

  @Test
  void textsLeaveOutHiddenItems() throws Exception {
    List<String> ids = List.of("content_001", "content_002", "camp_001", "camp_002", "nope_001");
    Map<String, ItemText> all = await(stores.feed().texts("user_007", ids));
    assertThat(all).containsOnlyKeys("content_001", "content_002", "camp_001", "camp_002");
    Content content = contentsOf(List.of("content_002")).get(0);
    assertThat(all.get("content_002"))
        .isEqualTo(
            new ItemText(content.titleKo(), content.titleEn(), content.bodyKo(), content.bodyEn()));

    hide("user_007", "content_001", "camp_001");

    assertThat(await(stores.feed().texts("user_007", ids)))
        .containsOnlyKeys("content_002", "camp_002");
    assertThat(await(stores.feed().texts("user_008", ids))).isEqualTo(all);
  }

  @Test
  void dropCandidatesForgetsThem() throws Exception {
    await(stores.feed().build("user_009", spec(now(), 10, 5, 5, true)));
    await(stores.feed().build("user_010", spec(now(), 10, 5, 5, true)));

    await(stores.feed().dropCandidates("user_009"));

    assertThat(await(stores.feed().state("user_009", today())).get().candidates()).isNull();
    assertThat(await(stores.feed().state("user_010", today())).get().candidates()).isNotNull();
    await(stores.feed().dropCandidates("user_404"));
  }

  @Test
  void theLiveStateIsOfTheCandidatesOnly() throws Exception {
    String user = "user_011";
    FeedCandidates candidates =
        await(stores.feed().build(user, spec(now(), 5, 2, 5, true))).get().candidates();
    String shown = candidates.contents().get(0).id();
    Set<String> ids = new java.util.HashSet<>();
    candidates.contents().forEach(c -> ids.add(c.id()));
    candidates.ads().forEach(a -> ids.add(a.id()));
    String otherContent = "content_" + (ids.contains("content_003") ? "004" : "003");
    String otherAd = ids.contains("camp_050") ? "camp_051" : "camp_050";

    hide(user, shown, otherContent, otherAd);

    for (FeedState state :
        List.of(
            await(stores.feed().state(user, today())).get(),
            await(stores.feed().build(user, spec(now(), 5, 2, 5, false))).get())) {
      assertThat(state.hidden()).as("hidden among the candidates").containsExactly(shown);
    }
  }

  @Test
  void followedPostsAreThePublishedPostsOfFollowedAuthorsNewestFirst() throws Exception {
    String reader = "user_012";
    String followed = "user_013";
    String stranger = "user_014";
    follow(reader, followed);
    unfollow(reader, stranger);
    Instant t = now().minusSeconds(60);
    StoredPost older = post(followed, t.minusSeconds(30), true, "prod_001", "prod_011");
    StoredPost newer = post(followed, t, true, "prod_002");
    StoredPost unpublished = post(followed, t.plusSeconds(1), false, "prod_003");
    StoredPost tooOld = post(followed, t.minusSeconds(3600), true, "prod_004");
    StoredPost notFollowed = post(stranger, t, true, "prod_005");
    StoredPost own = post(reader, t, true, "prod_006");
    for (StoredPost p : List.of(older, newer, unpublished, tooOld, notFollowed, own)) {
      await(stores.posts().save(p));
    }
    FollowedPostsQuery window = new FollowedPostsQuery(t.minusSeconds(600), now(), null, 100, 10);

    List<FollowedPost> found = await(stores.feed().followedPosts(reader, window));

    assertThat(found).extracting(FollowedPost::id).containsExactly(newer.id(), older.id());
    FollowedPost first = found.get(0);
    assertThat(first.authorId()).isEqualTo(followed);
    assertThat(first.createdAt()).isEqualTo(t);
    assertThat(first.title()).isEqualTo("title " + newer.id());
    assertThat(first.content()).isEqualTo("content " + newer.id());
    assertThat(first.hashtags()).containsExactly("#ai", "#피드");
    assertThat(first.imagePath()).isEqualTo("/v1/media/" + newer.id() + ".webp");
    assertThat(first.productIds()).containsExactly("prod_002");
    assertThat(first.category()).isEqualTo("fashion");
    assertThat(found.get(1).productIds()).containsExactly("prod_001", "prod_011");
    assertThat(first.seen()).isZero();
    // Similarity is the best cosine of the cited products to the reader's taste.
    float[] taste = await(stores.vectors().vectors(List.of(reader))).get(reader);
    Map<String, float[]> products =
        await(stores.vectors().vectors(List.of("prod_001", "prod_011", "prod_002")));
    assertThat(first.similarity())
        .isCloseTo(VectorMath.dot(taste, products.get("prod_002")), within(1e-4));
    assertThat(found.get(1).similarity())
        .isCloseTo(
            Math.max(
                VectorMath.dot(taste, products.get("prod_001")),
                VectorMath.dot(taste, products.get("prod_011"))),
            within(1e-4));

    assertThat(await(stores.feed().followedPosts(stranger, window)))
        .extracting(FollowedPost::id)
        .doesNotContain(newer.id(), older.id(), notFollowed.id());
    assertThat(await(stores.feed().followedPosts("user_404", window))).isEmpty();

    unfollow(reader, followed);
    assertThat(await(stores.feed().followedPosts(reader, window))).isEmpty();
  }

  @Test
  void followedPostsWalkByPositionNotOffset() throws Exception {
    String reader = "user_015";
    String author = "user_001";
    follow(reader, author);
    Instant t = now().minusSeconds(120);
    List<StoredPost> posts = new java.util.ArrayList<>();
    // Two posts share an instant: the id orders them, as PostgreSQL orders uuids.
    for (Instant at : List.of(t, t, t.minusSeconds(1), t.minusSeconds(2))) {
      StoredPost p = post(author, at, true, "prod_021");
      posts.add(p);
      await(stores.posts().save(p));
    }
    List<String> expected =
        posts.stream()
            .sorted(
                Comparator.comparing(StoredPost::createdAt)
                    .thenComparing(StoredPost::id)
                    .reversed())
            .map(StoredPost::id)
            .toList();
    Instant since = t.minusSeconds(600);
    List<String> walked = new java.util.ArrayList<>();
    Instant upTo = now();
    String after = null;
    for (int page = 0; page < 10; page++) {
      List<FollowedPost> one =
          await(
              stores
                  .feed()
                  .followedPosts(reader, new FollowedPostsQuery(since, upTo, after, 100, 1)));
      if (one.isEmpty()) {
        break;
      }
      assertThat(one).hasSize(1);
      walked.add(one.get(0).id());
      upTo = one.get(0).createdAt();
      after = one.get(0).id();
      if (walked.size() == 2) {
        // Hidden mid-walk: the next post is still the next one, nothing is skipped.
        hide(reader, expected.get(2));
      }
    }
    assertThat(walked).containsExactly(expected.get(0), expected.get(1), expected.get(3));

    // Made at or before upTo without a position; an instant before all of them admits none.
    assertThat(
            await(
                stores
                    .feed()
                    .followedPosts(reader, new FollowedPostsQuery(since, t, null, 100, 10))))
        .extracting(FollowedPost::id)
        .containsExactly(expected.get(0), expected.get(1), expected.get(3));
    assertThat(
            await(
                stores
                    .feed()
                    .followedPosts(
                        reader, new FollowedPostsQuery(since, t.minusSeconds(3), null, 100, 10))))
        .isEmpty();
  }

  @Test
  void followedPostsReadTheNewestFollowsOnlyAndCountImpressions() throws Exception {
    String reader = "user_010";
    List<String> follows = await(stores.graph().targets(reader, EdgeType.FOLLOWS));
    await(
        stores
            .graph()
            .removeEdges(
                follows.stream().map(f -> new Edge(reader, EdgeType.FOLLOWS, f)).toList()));
    follow(reader, "user_007");
    follow(reader, "user_008");
    Instant t = now().minusSeconds(30);
    StoredPost byOlderFollow = post("user_007", t, true, "prod_031");
    StoredPost byNewerFollow = post("user_008", t.minusSeconds(5), true, "prod_032");
    await(stores.posts().save(byOlderFollow));
    await(stores.posts().save(byNewerFollow));
    FollowedPostsQuery oneAuthor = new FollowedPostsQuery(t.minusSeconds(600), now(), null, 1, 10);

    assertThat(await(stores.feed().followedPosts(reader, oneAuthor)))
        .extracting(FollowedPost::id)
        .containsExactly(byNewerFollow.id());

    UserEvent shown =
        new UserEvent(
            reader, "seen-" + byNewerFollow.id(), EventType.IMPRESSION, byNewerFollow.id(), now());
    EventEffects twice =
        new EventEffects(
            List.of(),
            List.of(),
            List.of(),
            List.of(new EventEffects.Seen(reader, byNewerFollow.id(), 2, now())),
            List.of(),
            Map.of(),
            List.of());
    await(stores.events().record(List.of(shown), fresh -> twice));
    assertThat(await(stores.feed().followedPosts(reader, oneAuthor)).get(0).seen()).isEqualTo(2);
  }

  @Test
  void publishedAmongNamesKeptPublishedPostsOnly() throws Exception {
    StoredPost published = post("user_002", now(), true, "prod_041");
    StoredPost kept = post("user_002", now(), false, "prod_041");
    await(stores.posts().save(published));
    await(stores.posts().save(kept));

    assertThat(
            await(
                stores
                    .posts()
                    .publishedAmong(
                        List.of(
                            published.id(),
                            kept.id(),
                            "content_001",
                            java.util.UUID.randomUUID().toString()))))
        .containsExactly(published.id());
    assertThat(await(stores.posts().find(published.id())).get().published()).isTrue();
    assertThat(await(stores.posts().find(kept.id())).get().published()).isFalse();
  }

  @Test
  void aTrimmedPostLeavesTheFollowersFeeds() throws Exception {
    String reader = "user_009";
    follow(reader, "user_011");
    Instant t = now().minusSeconds(10);
    StoredPost p = post("user_011", t, true, "prod_051");
    await(stores.posts().save(p));
    FollowedPostsQuery window = new FollowedPostsQuery(t.minusSeconds(600), now(), null, 100, 10);
    assertThat(await(stores.feed().followedPosts(reader, window)))
        .extracting(FollowedPost::id)
        .contains(p.id());

    // Retention at an instant past the post's maximum age removes it.
    await(stores.posts().trim(now().plus(java.time.Duration.ofDays(400))));

    assertThat(await(stores.feed().followedPosts(reader, window))).isEmpty();
    assertThat(await(stores.posts().publishedAmong(List.of(p.id())))).isEmpty();
  }

  @Test
  void pingAnswers() throws Exception {
    Future<Void> ping = stores.feed().ping();
    await(ping);
    assertThat(ping.succeeded()).isTrue();
  }

  private void follow(String user, String author) throws Exception {
    await(stores.graph().addEdges(List.of(new Edge(user, EdgeType.FOLLOWS, author))));
  }

  private void unfollow(String user, String author) throws Exception {
    await(stores.graph().removeEdges(List.of(new Edge(user, EdgeType.FOLLOWS, author))));
  }

  /** A generated post's document as the generation module stores it, citing {@code products}. */
  private static StoredPost post(String author, Instant at, boolean published, String... products) {
    String id = java.util.UUID.randomUUID().toString();
    io.vertx.core.json.JsonArray cited = new io.vertx.core.json.JsonArray();
    for (String product : products) {
      cited.add(new io.vertx.core.json.JsonObject().put("id", product).put("category", "fashion"));
    }
    io.vertx.core.json.JsonObject document =
        new io.vertx.core.json.JsonObject()
            .put("id", id)
            .put("user_id", author)
            .put("title", "title " + id)
            .put("content", "content " + id)
            .put("hashtags", new io.vertx.core.json.JsonArray().add("#ai").add("#피드"))
            .put("products", cited)
            .put("generated_image_url", "/v1/media/" + id + ".webp")
            .put("published", published);
    return new StoredPost(id, author, at, document, published);
  }

  private List<FeedCandidates.ContentCandidate> build(String user, int likersPerLike)
      throws Exception {
    CandidateSpec spec = new CandidateSpec(now(), today(), 30, 5, 5, likersPerLike, 20, 20, false);
    return await(stores.feed().build(user, spec)).get().candidates().contents();
  }

  private static FeedCandidates.ContentCandidate candidate(
      List<FeedCandidates.ContentCandidate> contents, String id) {
    return contents.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private void unlikeEverything(String user) throws Exception {
    List<Edge> likes = likes(user).stream().map(c -> new Edge(user, EdgeType.LIKES, c)).toList();
    await(stores.graph().removeEdges(likes));
    assertThat(likes(user)).isEmpty();
  }

  private List<String> likes(String user) throws Exception {
    return await(stores.graph().targets(user, EdgeType.LIKES));
  }

  /** Hides items through the event store, as a hide event does. */
  private void hide(String user, String... items) throws Exception {
    List<EventEffects.Hidden> hides =
        java.util.Arrays.stream(items).map(i -> new EventEffects.Hidden(user, i)).toList();
    UserEvent event = new UserEvent(user, "hide-" + items[0], EventType.HIDE, items[0], now());
    EventEffects effects =
        new EventEffects(List.of(), List.of(), hides, List.of(), List.of(), Map.of(), List.of());
    await(stores.events().record(List.of(event), fresh -> effects));
  }

  private List<Content> contentsOf(List<String> ids) throws Exception {
    return await(stores.catalog().contents(ids));
  }

  private static List<String> authors(List<Content> contents) {
    return contents.stream().map(Content::authorId).toList();
  }

  private static CandidateSpec spec(
      Instant asOf, int contentPool, int adPool, int likersPerLike, boolean store) {
    return new CandidateSpec(asOf, today(), contentPool, adPool, 5, likersPerLike, 20, 20, store);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Seoul"));
  }
}
