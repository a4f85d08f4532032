package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.CandidateSpec;
import com.aiagent.store.FeedCandidates;
import com.aiagent.store.FeedState;
import com.aiagent.store.FeedStore;
import com.aiagent.store.FollowedPost;
import com.aiagent.store.FollowedPostsQuery;
import com.aiagent.store.ItemText;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The feed service's pages with followed authors' AI posts, over a fake feed store: the posts are
 * read per page from the cursor's AI position, never cached in the ranking, and a failed read costs
 * a page its posts only.
 */
class FeedServiceAiPostsTest {
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private static final AppConfig CONFIG = ConfigLoader.load(Map.of("FEED_AI_POSTS_PER_PAGE", "2"));

  /** Six contents and whatever AI posts the test puts; records the AI-post queries. */
  private static final class Store implements FeedStore {
    final List<FollowedPost> posts = new ArrayList<>();
    final List<FollowedPostsQuery> asked = new ArrayList<>();
    boolean postsDown;

    @Override
    public Future<Optional<FeedState>> state(String userId, LocalDate day) {
      List<FeedCandidates.ContentCandidate> contents = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        contents.add(
            new FeedCandidates.ContentCandidate(
                "content_00" + i,
                "user_009",
                "fashion",
                "prod_001",
                NOW.minus(Duration.ofDays(30)),
                1.0 - i * 0.1,
                false,
                0,
                null));
      }
      return Future.succeededFuture(
          Optional.of(
              new FeedState(
                  userId,
                  List.of("fashion"),
                  new FeedCandidates(NOW, contents, List.of()),
                  Set.of(),
                  Map.of(),
                  Map.of(),
                  Map.of())));
    }

    @Override
    public Future<Optional<FeedState>> build(String userId, CandidateSpec spec) {
      return state(userId, spec.day());
    }

    @Override
    public Future<Map<String, ItemText>> texts(String userId, List<String> ids) {
      Map<String, ItemText> words = new HashMap<>();
      ids.forEach(id -> words.put(id, new ItemText("제목", "title", "본문", "body")));
      return Future.succeededFuture(words);
    }

    @Override
    public Future<List<FollowedPost>> followedPosts(String userId, FollowedPostsQuery query) {
      asked.add(query);
      if (postsDown) {
        return Future.failedFuture(new IllegalStateException("connection refused"));
      }
      return Future.succeededFuture(
          posts.stream()
              .filter(p -> query.admits(p.createdAt(), p.id()))
              .sorted(
                  Comparator.comparing(FollowedPost::createdAt)
                      .thenComparing(FollowedPost::id)
                      .reversed())
              .limit(query.limit())
              .toList());
    }

    @Override
    public Future<Void> dropCandidates(String userId) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> ping() {
      return Future.succeededFuture();
    }
  }

  private final Store store = new Store();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final FeedService service =
      new FeedService(
          CONFIG.feed(),
          CONFIG.ads(),
          store,
          new LocalFeedCache(Duration.ofSeconds(5), Duration.ofMinutes(10), 1024, 100),
          new ItemTexts(CONFIG.feed().texts(), store),
          new CandidateWarmer(CONFIG.feed(), CONFIG.ads(), store, clock),
          new AiPostMerger(CONFIG.feed(), "AI 생성 · AI-generated", null),
          clock);

  private static FollowedPost post(int n, Duration age) {
    return new FollowedPost(
        "00000000-0000-4000-8000-00000000000" + n,
        "user_003",
        NOW.minus(age),
        "제목 " + n,
        "본문 " + n,
        List.of(),
        null,
        List.of("prod_001"),
        "fashion",
        0.9,
        0);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private List<FeedPage> walk(int limit) throws Exception {
    List<FeedPage> pages = new ArrayList<>();
    FeedPage page = await(service.page(new FeedRequest("user_004", limit, null)));
    pages.add(page);
    while (page.nextCursor() != null && pages.size() < 20) {
      page = await(service.page(new FeedRequest("user_004", limit, page.nextCursor())));
      pages.add(page);
    }
    return pages;
  }

  private static List<String> ids(List<FeedPage> pages) {
    return pages.stream().flatMap(p -> p.items().stream()).map(FeedItem::id).toList();
  }

  @Test
  void postsComeNewestFirstAtMostTwoAPageAndEachOnceOverTheWalk() throws Exception {
    store.posts.addAll(
        List.of(
            post(1, Duration.ofHours(1)),
            post(2, Duration.ofHours(2)),
            post(3, Duration.ofHours(3))));

    List<FeedPage> pages = walk(4);

    assertThat(pages.get(0).items())
        .extracting(FeedItem::id)
        .containsExactly(
            post(1, Duration.ZERO).id(), post(2, Duration.ZERO).id(), "content_001", "content_002");
    assertThat(pages.get(0).items().get(0).type()).isEqualTo("ai_post");
    assertThat(ids(pages)).doesNotHaveDuplicates().hasSize(9);
    assertThat(ids(pages).subList(4, 5)).containsExactly(post(3, Duration.ZERO).id());
    // Each page read the posts from where the last one shown stands, never by offset.
    assertThat(store.asked.get(0).afterId()).isNull();
    assertThat(store.asked.get(0).upTo()).isEqualTo(NOW);
    assertThat(store.asked.get(1).afterId()).isEqualTo(post(2, Duration.ZERO).id());
    assertThat(store.asked.get(0).limit()).isEqualTo(3);
    assertThat(store.asked.get(0).since()).isEqualTo(NOW.minus(Duration.ofHours(72)));
  }

  @Test
  void aPostPublishedAfterTheRankingWasCachedShowsOnTheNextFirstPage() throws Exception {
    assertThat(ids(walk(4))).allMatch(id -> id.startsWith("content_"));
    store.posts.add(post(1, Duration.ZERO));

    FeedPage first = await(service.page(new FeedRequest("user_004", 4, null)));

    assertThat(first.items()).extracting(FeedItem::id).startsWith(post(1, Duration.ZERO).id());
  }

  @Test
  void aFailedPostReadCostsThePageItsPostsOnlyAndTheCursorKeepsTheirPlace() throws Exception {
    store.posts.add(post(1, Duration.ofHours(1)));
    store.postsDown = true;

    FeedPage first = await(service.page(new FeedRequest("user_004", 4, null)));
    assertThat(first.items()).extracting(FeedItem::id).allMatch(id -> id.startsWith("content_"));
    assertThat(first.items()).hasSize(4);

    store.postsDown = false;
    FeedPage second = await(service.page(new FeedRequest("user_004", 4, first.nextCursor())));
    assertThat(second.items()).extracting(FeedItem::id).startsWith(post(1, Duration.ZERO).id());
  }
}
