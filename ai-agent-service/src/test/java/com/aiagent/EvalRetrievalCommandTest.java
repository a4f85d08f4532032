package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.evaluation.EvalOptions;
import com.aiagent.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code eval-retrieval} on a four-prompt fixture, with the embedded default's stores. */
class EvalRetrievalCommandTest {
  private static final Path FIXTURE =
      Path.of("ai-agent-service/src/test/resources/eval/fixture.tsv");

  @Test
  void theCommandPrintsTheFiguresOfEachModeForTheFixture() throws Exception {
    AppConfig config = ConfigLoader.load(Map.of());
    Vertx vertx = Vertx.vertx();
    List<String> printed = new ArrayList<>();
    try {
      Stores stores = await(StoreWiring.open(vertx, config));
      String summary =
          await(
              Commands.evalRetrieval(
                  vertx,
                  config,
                  stores,
                  EvalOptions.parse(List.of("--file", FIXTURE.toString(), "--misses")),
                  printed::add));
      assertThat(summary)
          .contains("evaluated 4 prompts with local/local-concept-v1")
          .contains("200 items indexed");
    } finally {
      await(vertx.close());
    }
    String out = String.join("\n", printed);
    assertThat(out)
        .contains("### hybrid retrieval, local embeddings (local-concept-v1)")
        .contains("### vector retrieval")
        .contains("### lexical retrieval")
        .contains("| split | lang | prompts | P@5 | hit@1 | MRR | answer@5 |")
        .contains("| category (test) | prompts | P@5 | hit@1 | MRR |")
        .contains("p99");
    // Every fixture prompt has an obvious first answer in its category with the shipped lexicon.
    assertThat(printed.get(0))
        .contains("| test | all | 3 |")
        .containsPattern(
            "\\| tune \\| ko \\| 1 \\| [01]\\.\\d\\d \\| 1\\.00 \\| 1\\.00 \\| 1\\.00 \\|");
  }

  @Test
  void badOptionsAndMalformedSetsAreRefusedWithAClearLine() throws Exception {
    assertThatThrownBy(() -> EvalOptions.parse(List.of("--split", "half")))
        .hasMessageContaining("--split: expected test, tune or all");
    assertThatThrownBy(() -> EvalOptions.parse(List.of("--mode")))
        .hasMessageContaining("--mode needs a value");
    assertThatThrownBy(() -> EvalOptions.parse(List.of("--file", "/no/such/file.tsv")))
        .hasMessageContaining("cannot read /no/such/file.tsv");
    assertThatThrownBy(() -> EvalOptions.parse(List.of("--fast", "yes")))
        .hasMessageContaining("unknown option --fast");
    Path bad = java.nio.file.Files.createTempFile("eval", ".tsv");
    try {
      java.nio.file.Files.writeString(
          bad, "id\tsplit\tlang\tcategory\tproduct_ids\tprompt\nx\tdev\tko\tkids\t\t우비\n");
      AppConfig config = ConfigLoader.load(Map.of());
      Vertx vertx = Vertx.vertx();
      try {
        Stores stores = await(StoreWiring.open(vertx, config));
        assertThatThrownBy(
                () ->
                    await(
                        Commands.evalRetrieval(
                            vertx,
                            config,
                            stores,
                            EvalOptions.parse(List.of("--file", bad.toString())),
                            line -> {})))
            .hasMessageContaining("line 2")
            .hasMessageContaining("split (tune|test)");
      } finally {
        await(vertx.close());
      }
    } finally {
      java.nio.file.Files.delete(bad);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
