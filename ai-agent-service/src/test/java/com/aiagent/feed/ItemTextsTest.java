package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.store.CandidateSpec;
import com.aiagent.store.FeedState;
import com.aiagent.store.FeedStore;
import com.aiagent.store.ItemText;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemTextsTest {
  /** A store of three items' words that records what it was asked and hides what it is told. */
  private static final class WordsStore implements FeedStore {
    final List<List<String>> asked = new ArrayList<>();
    final Set<String> hidden = new HashSet<>();

    @Override
    public Future<Map<String, ItemText>> texts(String userId, List<String> ids) {
      asked.add(List.copyOf(ids));
      Map<String, ItemText> words = new LinkedHashMap<>();
      for (String id : ids) {
        if (!hidden.contains(id)) {
          words.put(id, new ItemText("제목 " + id, "title " + id, "본문", "body"));
        }
      }
      return Future.succeededFuture(words);
    }

    @Override
    public Future<Optional<FeedState>> state(String userId, LocalDate day) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Optional<FeedState>> build(String userId, CandidateSpec spec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<com.aiagent.store.FollowedPost>> followedPosts(
        String userId, com.aiagent.store.FollowedPostsQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> dropCandidates(String userId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> ping() {
      return Future.succeededFuture();
    }
  }

  private static Map<String, ItemText> now(Future<Map<String, ItemText>> future) {
    assertThat(future.succeeded()).isTrue();
    return future.result();
  }

  @Test
  void aPageRankedNowReadsOnlyTheWordsNotCachedYet() {
    WordsStore store = new WordsStore();
    ItemTexts texts = new ItemTexts(new AppConfig.Texts(1024, 60_000), store);

    assertThat(now(texts.of("user_001", List.of("a", "b"), true))).containsOnlyKeys("a", "b");
    assertThat(now(texts.of("user_002", List.of("b", "c"), true))).containsOnlyKeys("b", "c");

    assertThat(store.asked).containsExactly(List.of("a", "b"), List.of("c"));
    assertThat(now(texts.of("user_003", List.of("a", "b", "c"), true)).get("c").titleKo())
        .isEqualTo("제목 c");
    assertThat(store.asked).hasSize(2);
  }

  @Test
  void aPageOfACachedRankingReadsThroughSoAHiddenItemNeverShows() {
    WordsStore store = new WordsStore();
    ItemTexts texts = new ItemTexts(new AppConfig.Texts(1024, 60_000), store);
    now(texts.of("user_001", List.of("a", "b"), true));

    store.hidden.add("a");

    assertThat(now(texts.of("user_001", List.of("a", "b"), false))).containsOnlyKeys("b");
    assertThat(store.asked).containsExactly(List.of("a", "b"), List.of("a", "b"));
  }

  @Test
  void aZeroSizeMeansNoCache() {
    WordsStore store = new WordsStore();
    ItemTexts texts = new ItemTexts(new AppConfig.Texts(0, 60_000), store);

    now(texts.of("user_001", List.of("a"), true));
    now(texts.of("user_001", List.of("a"), true));

    assertThat(store.asked).containsExactly(List.of("a"), List.of("a"));
  }

  @Test
  void theCacheKeepsNoMoreThanItsWeight() {
    WordsStore store = new WordsStore();
    // 1 KB holds a handful of these entries (about 200 bytes each), never all 100.
    ItemTexts texts = new ItemTexts(new AppConfig.Texts(1, 60_000), store);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add("item_" + i);
    }
    now(texts.of("user_001", ids, true));
    store.asked.clear();

    now(texts.of("user_001", ids, true));

    assertThat(store.asked).hasSize(1);
    assertThat(store.asked.get(0).size()).isGreaterThan(90);
  }
}
