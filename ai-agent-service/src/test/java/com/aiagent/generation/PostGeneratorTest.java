package com.aiagent.generation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.config.Caller;
import com.aiagent.config.ConfigLoader;
import com.aiagent.embedding.EmbedResult;
import com.aiagent.generation.Retrieved.Match;
import com.aiagent.llm.WritePostRequest;
import com.aiagent.llm.WrittenPost;
import com.aiagent.media.GenerateImageRequest;
import com.aiagent.media.GeneratedImage;
import com.aiagent.search.ItemSearch;
import com.aiagent.search.SearchHit;
import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.ItemType;
import com.aiagent.store.PostStore;
import com.aiagent.store.Product;
import com.aiagent.store.StoredPost;
import com.aiagent.store.User;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
import com.aiagent.store.VectorStore;
import com.aiagent.store.memory.MemoryCatalogStore;
import com.aiagent.store.memory.MemoryPostStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The pipeline as plain classes: no Vert.x instance, stores in memory, the other modules faked. */
class PostGeneratorTest {
  private static final AppConfig CONFIG = ConfigLoader.load(Map.of());
  private static final User USER =
      new User("user_001", "김민지", "Kim Minji", List.of("fashion"), "패션", "fashion");
  private static final Product SHIRT =
      new Product(
          "prod_001", "fashion", "린넨 셔츠", "Linen Shirt", 39000, "셔츠", "shirt", List.of("linen"));
  private static final Product COAT =
      new Product("prod_002", "fashion", "코트", "Coat", 159000, "코트", "coat", List.of("coat"));
  private static final Campaign SALE =
      new Campaign(
          "camp_001",
          "prod_001",
          "fashion",
          "Linen&Co",
          "셔츠 할인",
          "Shirt sale",
          "b",
          "b",
          List.of("fashion"),
          1.0,
          true,
          Instant.EPOCH,
          Instant.parse("2100-01-01T00:00:00Z"),
          null,
          null);

  private final MemoryCatalogStore catalog = new MemoryCatalogStore();
  private final MemoryPostStore memoryPosts =
      new MemoryPostStore(
          com.aiagent.config.ConfigLoader.load(java.util.Map.of()).retention(),
          java.time.Clock.systemUTC());
  private PostStore posts = memoryPosts;
  private List<VectorMatch> productHits =
      List.of(
          new VectorMatch("prod_001", ItemType.PRODUCT, 0.9),
          new VectorMatch("prod_002", ItemType.PRODUCT, 0.8));
  private double minSimilarity = -1;
  private WritePostRequest lastWrite;
  private final AtomicLong nanos = new AtomicLong();
  private final List<Long> timeouts = new ArrayList<>();
  private final List<String> rateKeys = new ArrayList<>();
  private long writeTakesMs;
  private Future<GeneratedImage> drawn =
      Future.succeededFuture(new GeneratedImage("a.webp", GeneratedImage.GENERATED, "local"));
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  PostGeneratorTest() {
    catalog.putUsers(List.of(USER));
    catalog.putProducts(List.of(SHIRT, COAT));
    catalog.putCampaigns(List.of(SALE));
    catalog.putCategories(List.of(new Category("fashion", "패션", "Fashion", "#E4572E")));
    logs.start();
    ((Logger) LoggerFactory.getLogger(PostGenerator.class)).addAppender(logs);
  }

  @AfterEach
  void detachLogs() {
    ((Logger) LoggerFactory.getLogger(PostGenerator.class)).detachAppender(logs);
  }

  private final VectorStore vectors =
      new VectorStore() {
        @Override
        public Future<Void> upsert(List<VectorEntry> entries) {
          return Future.succeededFuture();
        }

        @Override
        public Future<List<VectorMatch>> search(VectorQuery query) {
          return Future.succeededFuture(
              query.type() == ItemType.PRODUCT
                  ? productHits
                  : List.of(new VectorMatch("camp_001", ItemType.CAMPAIGN, 0.7)));
        }

        @Override
        public Future<Map<String, float[]>> vectors(List<String> ids) {
          return Future.succeededFuture(Map.of());
        }

        @Override
        public Future<Map<String, float[]>> vectors(ItemType type, List<String> ids) {
          return Future.succeededFuture(Map.of());
        }

        @Override
        public Future<Long> count(ItemType type) {
          return Future.succeededFuture(0L);
        }
      };

  private final PeerModules peers =
      new PeerModules() {
        @Override
        public Future<EmbedResult> embedQuery(String prompt, long timeoutMs) {
          timeouts.add(timeoutMs);
          return Future.succeededFuture(
              new EmbedResult("local", "m", 3, List.of(new float[] {1, 0, 0})));
        }

        @Override
        public Future<WrittenPost> writePost(WritePostRequest request, long timeoutMs) {
          lastWrite = request;
          timeouts.add(timeoutMs);
          nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(writeTakesMs));
          return Future.succeededFuture(
              new WrittenPost(
                  "셔츠 픽",
                  "린넨 셔츠",
                  List.of("#linen"),
                  "보기",
                  request.products().stream().map(WritePostRequest.Product::id).toList(),
                  request.campaigns().stream().map(WritePostRequest.Campaign::id).toList(),
                  "photo",
                  "local"));
        }

        @Override
        public Future<GeneratedImage> drawImage(GenerateImageRequest request, long timeoutMs) {
          timeouts.add(timeoutMs);
          return drawn;
        }
      };

  private final RateLimiter recordingLimiter =
      new RateLimiter() {
        @Override
        public Future<Decision> acquire(String key, int limit, Instant now) {
          rateKeys.add(key + "@" + limit);
          return Future.succeededFuture(new Decision(true, 0));
        }

        @Override
        public String mode() {
          return "test";
        }
      };

  /** The search module's contract, answered by the fake vector store alone. */
  private final ItemSearch byVector =
      query ->
          vectors
              .search(
                  VectorQuery.of(query.type(), query.vector(), query.limit())
                      .liveAt(query.liveAt()))
              .map(
                  hits ->
                      hits.stream().map(h -> new SearchHit(h.id(), h.similarity(), 0, 0)).toList());

  private PostGenerator generator(String publicBaseUrl) {
    AppConfig.Generation g = CONFIG.generation();
    return new PostGenerator(
        g,
        new AppConfig.Auth(
            "api_keys",
            List.of(new Caller("partner-app", Caller.sha256("k".repeat(16)), List.of("*"), 42)),
            true),
        "local",
        catalog,
        posts,
        new ItemRetriever(
            new ItemRetriever.Settings(g.products(), g.campaigns(), "m", 3, minSimilarity),
            catalog,
            vectors,
            byVector,
            peers),
        new PostAssembler(g.aiLabel(), publicBaseUrl, "http://localhost:8000"),
        peers,
        recordingLimiter,
        Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC),
        nanos::get);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static ServiceFailure failure(Future<?> future) {
    assertThat(future.failed()).as("failed").isTrue();
    return (ServiceFailure) future.cause();
  }

  private static GenerateFeedRequest ask(String user) {
    return new GenerateFeedRequest(user, "셔츠 추천해줘", true, "http://localhost:8000");
  }

  private long stored() throws Exception {
    return await(memoryPosts.count());
  }

  @Test
  void aGeneratedPostIsStoredAndGroundedInTheRetrievedItems() throws Exception {
    GeneratedPost post = await(generator(null).generate(ask("user_001")));
    assertThat(post.products())
        .extracting(GeneratedPost.ProductSummary::id)
        .containsExactly("prod_001", "prod_002");
    assertThat(post.campaigns())
        .extracting(GeneratedPost.CampaignSummary::id)
        .containsExactly("camp_001");
    assertThat(post.generatedImageUrl()).isEqualTo("http://localhost:8000/v1/media/a.webp");
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void duplicateVectorHitsAreRetrievedOnceWithTheirBestSimilarity() throws Exception {
    productHits =
        List.of(
            new VectorMatch("prod_001", ItemType.PRODUCT, 0.7),
            new VectorMatch("prod_001", ItemType.PRODUCT, 0.9),
            new VectorMatch("prod_002", ItemType.PRODUCT, 0.8));
    GeneratedPost post = await(generator(null).generate(ask("user_001")));
    assertThat(post.products())
        .extracting(GeneratedPost.ProductSummary::id)
        .containsExactly("prod_001", "prod_002");
    assertThat(post.products().get(0).similarity()).isEqualTo(0.9);
  }

  @Test
  void withNothingRelevantTheWriterGetsNoItemsAndTheClosestCategories() throws Exception {
    productHits = List.of(new VectorMatch("prod_002", ItemType.PRODUCT, 0.05));
    minSimilarity = 0.3;
    GeneratedPost post = await(generator(null).generate(ask("user_001")));
    assertThat(post.products()).isEmpty();
    assertThat(post.campaigns()).isEmpty();
    assertThat(lastWrite.products()).isEmpty();
    assertThat(lastWrite.campaigns()).isEmpty();
    assertThat(lastWrite.closestCategories()).containsExactly("fashion");
  }

  @Test
  void itemsAboveTheThresholdAreKeptAndNoCategoryIsSuggested() throws Exception {
    productHits =
        List.of(
            new VectorMatch("prod_001", ItemType.PRODUCT, 0.9),
            new VectorMatch("prod_002", ItemType.PRODUCT, 0.1));
    minSimilarity = 0.3;
    GeneratedPost post = await(generator(null).generate(ask("user_001")));
    assertThat(post.products())
        .extracting(GeneratedPost.ProductSummary::id)
        .containsExactly("prod_001");
    assertThat(lastWrite.closestCategories()).isEmpty();
  }

  @Test
  void anItemWithoutASimilarityIsLeftOutInsteadOfFailing() {
    List<Match<Product>> matched =
        ItemRetriever.matched(List.of(SHIRT, COAT, SHIRT), Map.of("prod_001", 0.5), Product::id);
    assertThat(matched).extracting(m -> m.item().id()).containsExactly("prod_001");
  }

  @Test
  void unknownUsersAreRefusedBeforeTheRateLimitCountsThem() {
    Future<GeneratedPost> result = generator(null).generate(ask("user_404"));
    assertThat(failure(result).code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(rateKeys).isEmpty();
  }

  @Test
  void theRateLimitCountsTheCallerWhenOneIsGivenElseTheUser() throws Exception {
    await(generator(null).generate(ask("user_001")));
    await(
        generator(null)
            .generate(new GenerateFeedRequest("user_001", "셔츠", false, null, "partner-app")));
    assertThat(rateKeys).containsExactly("user:user_001@10", "caller:partner-app@42");
  }

  @Test
  void aPostIsPublishedOnlyWhenAskedAndStoredSo() throws Exception {
    GeneratedPost published =
        await(
            generator(null)
                .generate(
                    new GenerateFeedRequest(
                        "user_001", "셔츠 추천해줘", true, null, null, Boolean.TRUE)));
    GeneratedPost kept = await(generator(null).generate(ask("user_001")));
    GeneratedPost declined =
        await(
            generator(null)
                .generate(
                    new GenerateFeedRequest(
                        "user_001", "셔츠 추천해줘", true, null, null, Boolean.FALSE)));

    assertThat(published.published()).isTrue();
    assertThat(kept.published()).isFalse();
    assertThat(declined.published()).isFalse();
    assertThat(await(memoryPosts.find(published.id())).get().published()).isTrue();
    assertThat(await(memoryPosts.find(published.id())).get().document().getBoolean("published"))
        .isTrue();
    assertThat(await(memoryPosts.find(kept.id())).get().published()).isFalse();
    assertThat(await(memoryPosts.publishedAmong(List.of(published.id(), kept.id(), declined.id()))))
        .containsExactly(published.id());
  }

  @Test
  void aPostWhosePictureFailedIsPublishedWithoutOne() throws Exception {
    drawn = Future.failedFuture(new ServiceFailure(ErrorCode.TIMEOUT, "media.generate late"));
    GeneratedPost post =
        await(
            generator(null)
                .generate(
                    new GenerateFeedRequest("user_001", "셔츠", true, null, null, Boolean.TRUE)));
    assertThat(post.published()).isTrue();
    assertThat(post.generatedImageUrl()).isNull();
    assertThat(post.imageStatus()).isEqualTo(GeneratedImage.FAILED);
  }

  @Test
  void onlyAPostWithWordsIsPublishable() {
    GeneratedPost written =
        new GeneratedPost(
            "id",
            "user_001",
            "p",
            "ko",
            "제목",
            "본문",
            List.of(),
            "cta",
            List.of(),
            List.of(),
            null,
            "not_requested",
            null,
            Instant.EPOCH,
            true,
            "AI",
            false);
    assertThat(PostGenerator.publishable(written)).isTrue();
    assertThat(
            PostGenerator.publishable(
                new GeneratedPost(
                    "id",
                    "user_001",
                    "p",
                    "ko",
                    "제목",
                    " ",
                    List.of(),
                    "cta",
                    List.of(),
                    List.of(),
                    null,
                    "not_requested",
                    null,
                    Instant.EPOCH,
                    true,
                    "AI",
                    false)))
        .isFalse();
    assertThat(
            PostGenerator.publishable(
                new GeneratedPost(
                    "id",
                    "user_001",
                    "p",
                    "ko",
                    null,
                    "본문",
                    List.of(),
                    "cta",
                    List.of(),
                    List.of(),
                    null,
                    "not_requested",
                    null,
                    Instant.EPOCH,
                    true,
                    "AI",
                    false)))
        .isFalse();
  }

  @Test
  void aMediaFailureKeepsThePostAndIsLogged() throws Exception {
    drawn = Future.failedFuture(new ServiceFailure(ErrorCode.TIMEOUT, "media.generate late"));
    GeneratedPost post = await(generator(null).generate(ask("user_001")));
    assertThat(post.imageStatus()).isEqualTo(GeneratedImage.FAILED);
    assertThat(post.generatedImageUrl()).isNull();
    assertThat(logs.list)
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage()).contains("media.generate late");
            });
  }

  @Test
  void aPostThatCannotBeStoredIsAnswered503AndNotReturned() {
    posts =
        new PostStore() {
          @Override
          public Future<Void> save(StoredPost post) {
            return Future.failedFuture(new IllegalStateException("connection refused"));
          }

          @Override
          public Future<Optional<StoredPost>> find(String id) {
            return Future.succeededFuture(Optional.empty());
          }

          @Override
          public Future<Long> trim(java.time.Instant now) {
            return Future.succeededFuture(0L);
          }

          @Override
          public Future<java.util.Set<String>> publishedAmong(java.util.List<String> ids) {
            return Future.succeededFuture(java.util.Set.of());
          }

          @Override
          public Future<Long> count() {
            return Future.succeededFuture(0L);
          }
        };
    Future<GeneratedPost> result = generator(null).generate(ask("user_001"));
    assertThat(failure(result).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(result.cause().getMessage()).doesNotContain("connection refused");
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
  }

  @Test
  void stepsGetTheirPartOfTheBudgetOrWhatIsLeft() throws Exception {
    AppConfig.Generation g = CONFIG.generation();
    writeTakesMs = g.budgetMs() - g.saveTimeoutMs() - 1000;
    await(generator(null).generate(ask("user_001")));
    assertThat(timeouts)
        .containsExactly(g.embedTimeoutMs(), g.writeTimeoutMs(), Math.min(g.drawTimeoutMs(), 1000));
  }

  @Test
  void aRequestOutOfTimeStoresNoPost() throws Exception {
    AppConfig.Generation g = CONFIG.generation();
    writeTakesMs = g.budgetMs();
    Future<GeneratedPost> result = generator(null).generate(ask("user_001"));
    assertThat(failure(result).code()).isEqualTo(ErrorCode.TIMEOUT);
    assertThat(stored()).isZero();
  }

  @Test
  void theConfiguredPublicBaseUrlWinsOverTheCallersHost() throws Exception {
    GeneratedPost post =
        await(
            generator("https://feed.example.com")
                .generate(new GenerateFeedRequest("user_001", "셔츠", true, "http://evil.example")));
    assertThat(post.generatedImageUrl()).isEqualTo("https://feed.example.com/v1/media/a.webp");
  }

  @Test
  void aCallerOriginThatIsNotABareOriginIsNotUsed() {
    PostAssembler assembler = new PostAssembler("AI", null, "http://localhost:8000");
    assertThat(assembler.baseUrl("http://evil.example/x?")).isEqualTo("http://localhost:8000");
    assertThat(assembler.baseUrl("https://app.example:8443")).isEqualTo("https://app.example:8443");
  }
}
