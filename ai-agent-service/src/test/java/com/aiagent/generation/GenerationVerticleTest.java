package com.aiagent.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.HealthProbe;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.embedding.EmbedRequest;
import com.aiagent.embedding.EmbedResult;
import com.aiagent.embedding.EmbeddingAddresses;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.llm.LlmAddresses;
import com.aiagent.llm.LlmClient;
import com.aiagent.llm.WritePostRequest;
import com.aiagent.llm.WrittenPost;
import com.aiagent.media.GenerateImageRequest;
import com.aiagent.media.GeneratedImage;
import com.aiagent.media.MediaAddresses;
import com.aiagent.media.MediaClient;
import com.aiagent.search.HybridSearch;
import com.aiagent.store.Category;
import com.aiagent.store.ItemType;
import com.aiagent.store.PostStore;
import com.aiagent.store.Product;
import com.aiagent.store.StoredPost;
import com.aiagent.store.User;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.memory.MemoryCatalogStore;
import com.aiagent.store.memory.MemoryPostStore;
import com.aiagent.store.memory.MemoryVectorStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real GenerationVerticle on a bus where the embedding, LLM and media modules are tiny fake
 * verticles on their addresses (vertx-in-action's FakeUserService style), stores in memory.
 */
class GenerationVerticleTest {
  private static final AppConfig CONFIG = ConfigLoader.load(Map.of());

  private final Vertx vertx = Vertx.vertx();
  private final MemoryCatalogStore catalog = new MemoryCatalogStore();
  private final MemoryVectorStore vectors = new MemoryVectorStore(vertx);
  private final MemoryPostStore memoryPosts =
      new MemoryPostStore(CONFIG.retention(), java.time.Clock.systemUTC());
  private final AtomicBoolean postStoreDown = new AtomicBoolean();
  private GenerationClient generation;

  /** The memory post store, or failing as a database that went away does. */
  private final PostStore posts =
      new PostStore() {
        @Override
        public Future<Void> save(StoredPost post) {
          return postStoreDown.get() ? down() : memoryPosts.save(post);
        }

        @Override
        public Future<Optional<StoredPost>> find(String id) {
          return postStoreDown.get() ? down() : memoryPosts.find(id);
        }

        @Override
        public Future<Long> trim(java.time.Instant now) {
          return postStoreDown.get() ? down() : memoryPosts.trim(now);
        }

        @Override
        public Future<java.util.Set<String>> publishedAmong(java.util.List<String> ids) {
          return postStoreDown.get() ? down() : memoryPosts.publishedAmong(ids);
        }

        @Override
        public Future<Long> count() {
          return memoryPosts.count();
        }

        private <T> Future<T> down() {
          return Future.failedFuture(new IllegalStateException("connection refused"));
        }
      };

  private static final class FakeEmbedding extends VerticleBase {
    @Override
    public Future<?> start() {
      EmbeddingClient.registerCodecs(vertx);
      return BusEndpoint.serve(
              vertx,
              EmbeddingAddresses.EMBED,
              EmbedRequest.class,
              r ->
                  Future.succeededFuture(
                      new EmbedResult("fake", "m", 3, List.of(new float[] {1, 0, 0}))))
          .completion();
    }
  }

  private static final class FakeLlm extends VerticleBase {
    @Override
    public Future<?> start() {
      LlmClient.registerCodecs(vertx);
      return BusEndpoint.serve(
              vertx,
              LlmAddresses.WRITE_POST,
              WritePostRequest.class,
              r ->
                  Future.succeededFuture(
                      new WrittenPost(
                          "Pick for " + r.user().nameEn(),
                          "Linen shirt",
                          List.of("#linen"),
                          "Look",
                          r.products().stream().map(WritePostRequest.Product::id).toList(),
                          List.of(),
                          "photo",
                          "fake-llm")))
          .completion();
    }
  }

  /** Draws nothing: the media module failing. */
  private static final class FakeMedia extends VerticleBase {
    @Override
    public Future<?> start() {
      MediaClient.registerCodecs(vertx);
      return BusEndpoint.<GenerateImageRequest, GeneratedImage>serve(
              vertx,
              MediaAddresses.GENERATE,
              GenerateImageRequest.class,
              r -> Future.failedFuture(new ServiceFailure(ErrorCode.UNAVAILABLE, "no GPU")))
          .completion();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void deploy() throws Exception {
    await(
        catalog.putUsers(List.of(new User("user_001", "김", "Kim", List.of("fashion"), "b", "b"))));
    await(
        catalog.putProducts(
            List.of(
                new Product(
                    "prod_001", "fashion", "셔츠", "Shirt", 39000, "d", "d", List.of("linen")))));
    await(catalog.putCategories(List.of(new Category("fashion", "패션", "Fashion", "#E4572E"))));
    await(
        vectors.upsert(
            List.of(
                new VectorEntry(
                    "prod_001",
                    ItemType.PRODUCT,
                    "fashion",
                    true,
                    null,
                    null,
                    new float[] {1, 0, 0},
                    "m"))));
    await(vertx.deployVerticle(new FakeEmbedding()));
    await(vertx.deployVerticle(new FakeLlm()));
    await(vertx.deployVerticle(new FakeMedia()));
    await(
        vertx.deployVerticle(
            new GenerationVerticle(
                CONFIG,
                catalog,
                vectors,
                posts,
                new RedisCache(CONFIG.redis()),
                new HybridSearch(vertx, CONFIG.search(), catalog, vectors))));
    generation = new GenerationClient(vertx, CONFIG.bus().generationTimeoutMs());
  }

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private HealthStatus health() throws Exception {
    return await(
        vertx
            .eventBus()
            .request(GenerationAddresses.HEALTH, new HealthProbe())
            .map(m -> (HealthStatus) m.body()));
  }

  @Test
  void aPostIsWrittenFromTheFakeModulesAndKeptWithoutAPicture() throws Exception {
    GeneratedPost post =
        await(
            generation.generateFeed(
                new GenerateFeedRequest("user_001", "shirt please", null, "http://localhost:1")));
    assertThat(post.title()).isEqualTo("Pick for Kim");
    assertThat(post.products())
        .extracting(GeneratedPost.ProductSummary::id)
        .containsExactly("prod_001");
    assertThat(post.imageStatus()).isEqualTo(GeneratedImage.FAILED);
    assertThat(post.providers().embedding()).isEqualTo("fake");
    assertThat(await(generation.getPost(new GetPostRequest(post.id(), null))).id())
        .isEqualTo(post.id());
  }

  @Test
  void healthFollowsThePostStore() throws Exception {
    assertThat(health().status()).isEqualTo(HealthStatus.UP);
    postStoreDown.set(true);
    HealthStatus down = health();
    assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(down.details()).containsEntry("post_store", HealthStatus.DOWN);
    Future<GeneratedPost> refused =
        generation.generateFeed(new GenerateFeedRequest("user_001", "shirt", false, null));
    assertThat(
            refused
                .toCompletionStage()
                .handle((p, e) -> e)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(
            ServiceFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }
}
