package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README tells the truth: its "Try it" commands run, as written, with curl against the embedded
 * default, and the answers carry the fields, reasons, labels and error codes the README documents.
 * Only the host and port are changed (the test's service listens on a free port), and the picture's
 * file name is taken from the answer, as the README tells a reader to do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeTest {
  private static final String README = read(Path.of("README.md"));

  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private Path workDir;

  @BeforeAll
  void start() throws Exception {
    app = TestApp.create(Map.of());
    await(app.start(vertx));
    workDir = Files.createTempDirectory("readme-commands");
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  /** Answer of one command: its body and HTTP status. */
  private record Answer(String body, int status) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  @Test
  void theTryItCommandsDoWhatTheReadmeSays() throws Exception {
    tryIt(app.port());
  }

  /**
   * The same commands on the stores the original guide deploys to production: rows and vectors in
   * PostgreSQL, the graph in Neo4j, searches in Vertex AI Vector Search (a fake of its REST API).
   */
  @Test
  void theTryItCommandsAnswerAlikeOnNeo4jAndVectorSearch() throws Exception {
    Neo4jTestGraph.wipe();
    try (PgTestDatabase db = new PgTestDatabase();
        com.aiagent.store.FakeVectorSearchServer index =
            new com.aiagent.store.FakeVectorSearchServer(768)) {
      Map<String, String> env = new java.util.HashMap<>(db.env());
      env.putAll(Neo4jTestGraph.env());
      env.putAll(index.env());
      env.put("HEALTH_DETAILS", "true");
      TestApp guide = TestApp.create(env);
      // A Vert.x of its own: on the class's one, its modules would share bus addresses with the
      // embedded app's.
      Vertx own = Vertx.vertx();
      await(guide.start(own));
      try {
        tryIt(guide.port());
        JsonObject checks =
            run("curl http://localhost:8000/health", guide.port()).json().getJsonObject("checks");
        assertThat(checks.getJsonObject("generation").getJsonObject("details").getMap())
            .containsEntry("vector_index", "vertex_vector_search")
            .containsEntry("vector_index_breaker", "CLOSED");
        assertThat(checks.getJsonObject("feed").getJsonObject("details").encode())
            .contains("neo4j");
        assertThat(index.calls("findNeighbors"))
            .as("the post's items came from the index")
            .isPositive();
        assertThat(index.errors()).isZero();
      } finally {
        await(guide.stop());
        await(own.close());
      }
    }
  }

  private void tryIt(int port) throws Exception {
    List<String> commands = tryItCommands();
    assertThat(commands).hasSize(6);

    Answer health = run(commands.get(0), port);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");

    Matcher hide =
        Pattern.compile("\"type\": \"hide\",\\s*\"item_id\": \"(\\w+)\"").matcher(commands.get(4));
    assertThat(hide.find()).as("the events command hides an item").isTrue();
    String hidden = hide.group(1);
    assertThat(README).contains("no " + hidden + ")");

    Answer feed = run(commands.get(1), port);
    assertThat(feed.status()).isEqualTo(200);
    assertDocumentedFeed(feed.json());
    assertThat(items(feed.json())).anyMatch(item -> hidden.equals(item.getString("id")));

    Answer post = run(commands.get(2), port);
    assertThat(post.status()).as(post.body()).isEqualTo(200);
    JsonObject generated = post.json();
    assertThat(generated.fieldNames()).containsAll(documentedKeys("A generated post is `"));
    assertThat(generated.getBoolean("ai_generated")).isTrue();
    assertThat(generated.getString("label")).isEqualTo("AI 생성 · AI-generated");
    String url = generated.getString("generated_image_url");
    assertThat(url).contains("/v1/media/").endsWith(".webp");

    String file = url.substring(url.lastIndexOf('/') + 1, url.length() - ".webp".length());
    Answer picture = run(commands.get(3).replace("<filename>", file), port);
    assertThat(picture.status()).as(post.body()).isEqualTo(200);
    byte[] webp = Files.readAllBytes(workDir.resolve("image.webp"));
    assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");

    Answer events = run(commands.get(4), port);
    assertThat(events.status()).as(events.body()).isEqualTo(202);
    assertThat(events.json().getInteger("accepted")).isEqualTo(3);

    // "the next feed reflects it (liked_similar, no <the hidden item>)"
    Answer after = run(commands.get(5), port);
    assertThat(after.status()).isEqualTo(200);
    assertDocumentedFeed(after.json());
    assertThat(items(after.json())).noneMatch(item -> hidden.equals(item.getString("id")));
    assertThat(items(after.json()))
        .anyMatch(item -> item.getJsonArray("reasons").contains("liked_similar"));
  }

  @Test
  void theCallersExampleRefusesACallerOutsideItsUsersAsItSays() throws Exception {
    String section = README.substring(README.indexOf("### Callers"));
    int open = section.indexOf("```bash") + "```bash".length();
    String block = section.substring(open, section.indexOf("```", open)).replace("\\\n", " ");
    Map<String, String> env = new java.util.HashMap<>();
    Matcher assignment =
        Pattern.compile("([A-Z_]+)='([^']*)'|([A-Z_]+)=(\\S+)")
            .matcher(block.substring(0, block.indexOf("java -jar")));
    while (assignment.find()) {
      env.put(
          assignment.group(1) != null ? assignment.group(1) : assignment.group(3),
          assignment.group(1) != null ? assignment.group(2) : assignment.group(4));
    }
    assertThat(env).containsKeys("AUTH_MODE", "API_KEYS");
    String curl = block.substring(block.indexOf("curl"), block.indexOf("\n# ")).trim();
    Matcher expected = Pattern.compile("\n# (\\d{3}) (\\{.*\\})").matcher(block);
    assertThat(expected.find()).as("the block shows the answer").isTrue();

    TestApp secured = TestApp.create(env);
    await(secured.start(vertx));
    try {
      Answer answer = run(curl, secured.port());
      assertThat(answer.status()).isEqualTo(Integer.parseInt(expected.group(1)));
      assertThat(answer.json()).isEqualTo(new JsonObject(expected.group(2)));
    } finally {
      await(secured.stop());
    }
  }

  @Test
  void thePublishingCommandsPutThePostInTheFollowersNextFeed() throws Exception {
    List<String> commands = commandsOf("### Published posts in followers' feeds");
    assertThat(commands).hasSize(3);

    Answer follow = run(commands.get(0));
    assertThat(follow.status()).as(follow.body()).isEqualTo(202);
    assertThat(follow.json().getInteger("accepted")).isEqualTo(1);
    Answer post = run(commands.get(1));
    assertThat(post.status()).as(post.body()).isEqualTo(200);
    assertThat(post.json().getBoolean("published")).isTrue();
    String id = post.json().getString("id");

    Answer feed = run(commands.get(2));
    assertThat(feed.status()).isEqualTo(200);
    JsonObject item =
        items(feed.json()).stream()
            .filter(i -> id.equals(i.getString("id")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + id + " in " + feed.body()));
    assertThat(item.fieldNames()).containsAll(documentedKeys("In a feed it is `"));
    assertThat(item.getString("type")).isEqualTo("ai_post");
    assertThat(item.getBoolean("ai_generated")).isTrue();
    assertThat(item.getString("label")).isEqualTo("AI 생성 · AI-generated");
    assertThat(item.getJsonArray("reasons").getList())
        .contains("followed_author")
        .isSubsetOf(documentedReasons());
  }

  @Test
  void theLastPageHasNoNextCursorKey() throws Exception {
    String base = "curl \"http://localhost:8000/v1/feed?user_id=user_002&limit=100";
    JsonObject page = run(base + "\"").json();
    int pages = 1;
    while (page.containsKey("next_cursor")) {
      assertThat(page.getValue("next_cursor")).isInstanceOf(String.class);
      page = run(base + "&cursor=" + page.getString("next_cursor") + "\"").json();
      pages++;
      assertThat(pages).isLessThan(20);
    }
    assertThat(page.fieldNames()).doesNotContain("next_cursor");
  }

  @Test
  void everyErrorTheApiGivesIsInTheReadmesTable() throws Exception {
    Map<Integer, Set<String>> table = errorTable();
    List<Answer> errors = new ArrayList<>();
    errors.add(run("curl \"http://localhost:8000/v1/feed\""));
    errors.add(run("curl \"http://localhost:8000/v1/feed?user_id=user_404\""));
    errors.add(run("curl -X DELETE http://localhost:8000/v1/feed?user_id=user_001"));
    errors.add(
        run(
            "curl -X POST http://localhost:8000/v1/ai/generate-feed -H 'Content-Type: text/plain'"
                + " -d 'hello'"));
    errors.add(
        run(
            "curl -X POST http://localhost:8000/v1/ai/generate-feed -H 'Content-Type:"
                + " application/json' -d \"{\\\"user_id\\\": \\\"user_001\\\", \\\"prompt\\\":"
                + " \\\"$(head -c 70000 /dev/zero | tr '\\0' x)\\\"}\""));
    Answer limited = null;
    for (int i = 0; i < 20 && limited == null; i++) {
      Answer answer =
          run(
              "curl -X POST http://localhost:8000/v1/ai/generate-feed -H 'Content-Type:"
                  + " application/json' -d '{\"user_id\": \"user_003\", \"prompt\": \"가방 추천\","
                  + " \"generate_image\": false}'");
      if (answer.status() != 200) {
        limited = answer;
      }
    }
    assertThat(limited).as("the per-user rate limit answers").isNotNull();
    errors.add(limited);

    assertThat(errors).extracting(Answer::status).contains(400, 404, 405, 413, 415, 429);
    for (Answer error : errors) {
      String code = error.json().getJsonObject("error").getString("code");
      assertThat(error.json().getJsonObject("error").getString("message")).isNotBlank();
      assertThat(table.getOrDefault(error.status(), Set.of()))
          .as("README error table row for %d", error.status())
          .contains(code);
    }
  }

  private void assertDocumentedFeed(JsonObject page) {
    assertThat(page.getString("user_id")).isNotBlank();
    Set<String> itemKeys = documentedKeys("A feed item is `");
    Set<String> reasons = documentedReasons();
    JsonArray items = page.getJsonArray("items");
    assertThat(items).isNotEmpty();
    for (JsonObject item : items(page)) {
      assertThat(item.fieldNames()).containsAll(itemKeys);
      assertThat(item.getJsonArray("reasons").getList()).isSubsetOf(reasons);
      if ("ad".equals(item.getString("type"))) {
        assertThat(item.fieldNames()).contains("campaign_id", "product_id", "advertiser");
        assertThat(item.getBoolean("sponsored")).isTrue();
        assertThat(item.getString("label")).isEqualTo("광고 · Sponsored");
      } else {
        assertThat(item.getString("type")).isEqualTo("content");
        assertThat(item.fieldNames()).contains("author_id");
      }
    }
  }

  private static List<JsonObject> items(JsonObject page) {
    List<JsonObject> items = new ArrayList<>();
    page.getJsonArray("items").forEach(item -> items.add((JsonObject) item));
    return items;
  }

  /** The curl commands of the README's "Try it" block, continuation lines joined. */
  private static List<String> tryItCommands() {
    return commandsOf("## Try it");
  }

  /** The curl commands of the first bash block after {@code heading}, continuation lines joined. */
  private static List<String> commandsOf(String heading) {
    assertThat(README).contains(heading);
    String section = README.substring(README.indexOf(heading));
    int open = section.indexOf("```bash") + "```bash".length();
    String block = section.substring(open, section.indexOf("```", open));
    List<String> commands = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : block.split("\n")) {
      if (current.length() == 0 && !line.startsWith("curl")) {
        continue;
      }
      current.append(line).append('\n');
      if (!line.endsWith("\\") && !isOpenQuote(current)) {
        commands.add(current.toString().trim());
        current.setLength(0);
      }
    }
    return commands;
  }

  private static boolean isOpenQuote(CharSequence command) {
    return command.chars().filter(c -> c == '\'').count() % 2 == 1;
  }

  /**
   * The top-level keys of the README code span that follows {@code lead}: nested objects are
   * dropped first, and a quoted word after {@code :} or {@code |} is a value, not a key.
   */
  private static Set<String> documentedKeys(String lead) {
    int start = README.indexOf(lead) + lead.length();
    String span = README.substring(start, README.indexOf('`', start)).trim();
    String body = span.substring(1, span.lastIndexOf('}'));
    for (String before = ""; !before.equals(body); ) {
      before = body;
      body = body.replaceAll("\\{[^{}]*\\}", "");
    }
    Set<String> keys = new LinkedHashSet<>();
    Matcher quoted = Pattern.compile("(?<=^|[,\\s])\"([a-z_]+)\"").matcher(body);
    while (quoted.find()) {
      keys.add(quoted.group(1));
    }
    return keys;
  }

  /** The reasons the README lists: the backticked words of the sentence that names them. */
  private static Set<String> documentedReasons() {
    int start = README.indexOf("`reasons` names the signals");
    String sentence = README.substring(start, README.indexOf("Every page of one walk", start));
    Set<String> reasons = new LinkedHashSet<>();
    Matcher ticked = Pattern.compile("`([a-z_]+)`").matcher(sentence);
    while (ticked.find()) {
      reasons.add(ticked.group(1));
    }
    reasons.remove("reasons");
    return reasons;
  }

  /** Status to codes of the README's error table. */
  private static Map<Integer, Set<String>> errorTable() {
    Map<Integer, Set<String>> table = new java.util.HashMap<>();
    Matcher row = Pattern.compile("(?m)^\\| ([0-9 /]+) \\| ([`a-z_ /]+) \\|").matcher(README);
    while (row.find()) {
      String[] statuses = row.group(1).trim().split("\\s*/\\s*");
      String[] codes = row.group(2).replace("`", "").trim().split("\\s*/\\s*");
      for (int i = 0; i < statuses.length; i++) {
        table
            .computeIfAbsent(Integer.parseInt(statuses[i]), s -> new LinkedHashSet<>())
            .add(codes[Math.min(i, codes.length - 1)]);
      }
    }
    return table;
  }

  private Answer run(String command) throws Exception {
    return run(command, app.port());
  }

  private Answer run(String command, int port) throws Exception {
    String local =
        command
            .replace("http://localhost:8000", "http://127.0.0.1:" + port)
            .replaceFirst("^curl ", "curl -sS -w '\\\\n%{http_code}' ");
    Process process =
        new ProcessBuilder("bash", "-c", local)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    int split = out.lastIndexOf('\n');
    return new Answer(
        out.substring(0, Math.max(split, 0)), Integer.parseInt(out.substring(split + 1)));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
