package com.aiagent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, on Vert.x's WebSocket
 * client: open a page, evaluate JavaScript in it, take a screenshot.
 */
final class Chromium implements AutoCloseable {
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final List<String> NAMES = List.of("chromium", "chromium-browser");

  private final Process process;
  private final Path profile;
  private final WebSocketClient client;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, Promise<JsonObject>> pending = new ConcurrentHashMap<>();

  private Chromium(Process process, Path profile, WebSocketClient client, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(this::answer);
  }

  /** The browser on the PATH, if there is one. */
  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Starts a headless browser of its own (fresh profile) showing {@code url} in one page. */
  static Chromium open(Vertx vertx, Path binary, String url, int width, int height)
      throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                // Without these it keeps calling Google's servers, which this network refuses.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=" + width + "," + height,
                url));
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      URI browser = URI.create(devtoolsUrl(process));
      URI page = pageSocket(browser, url);
      WebSocketClient client =
          vertx.createWebSocketClient(
              new WebSocketClientOptions()
                  .setMaxFrameSize(64 * 1024 * 1024)
                  .setMaxMessageSize(64 * 1024 * 1024));
      WebSocket socket =
          TestApp.await(
              client.connect(
                  new WebSocketConnectOptions()
                      .setAbsoluteURI(page.toString())
                      // DevTools refuses a WebSocket that names an Origin it was not told to allow.
                      .setAllowOriginHeader(false)));
      return new Chromium(process, profile, client, socket);
    } catch (Exception e) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      deleteTree(profile);
      throw e;
    }
  }

  /** Reads the DevTools address from stderr, then keeps draining it so the browser never blocks. */
  private static String devtoolsUrl(Process process) throws Exception {
    CompletableFuture<String> found = new CompletableFuture<>();
    List<String> seen = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Matcher matcher = DEVTOOLS.matcher(line);
                  if (matcher.find()) {
                    found.complete(matcher.group(1));
                  } else if (!found.isDone()) {
                    synchronized (seen) {
                      seen.add(line);
                    }
                  }
                }
              } catch (IOException ignored) {
                // the browser is gone; the future below says so
              }
              synchronized (seen) {
                found.completeExceptionally(
                    new IllegalStateException("chromium exited before DevTools listened: " + seen));
              }
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return found.get(20, TimeUnit.SECONDS);
  }

  /** The WebSocket of the page target that shows {@code url} (DevTools lists targets over HTTP). */
  private static URI pageSocket(URI browser, String url) throws Exception {
    URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String body =
          http.send(
                  HttpRequest.newBuilder(list).GET().build(), HttpResponse.BodyHandlers.ofString())
              .body();
      for (Object target : new JsonArray(body)) {
        JsonObject page = (JsonObject) target;
        if ("page".equals(page.getString("type")) && page.containsKey("webSocketDebuggerUrl")) {
          return URI.create(page.getString("webSocketDebuggerUrl"));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no page target for " + url + " in " + body);
      }
      Thread.sleep(100);
    }
  }

  private void answer(String text) {
    JsonObject message = new JsonObject(text);
    Integer id = message.getInteger("id");
    Promise<JsonObject> promise = id == null ? null : pending.remove(id);
    if (promise == null) {
      return; // an event; nothing here subscribes to any
    }
    JsonObject error = message.getJsonObject("error");
    if (error != null) {
      promise.fail("DevTools error: " + error.encode());
    } else {
      promise.complete(message.getJsonObject("result", new JsonObject()));
    }
  }

  /** Sends one DevTools command and waits for its result. */
  JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    Promise<JsonObject> promise = Promise.promise();
    pending.put(id, promise);
    Future<JsonObject> result = promise.future();
    socket.writeTextMessage(
        new JsonObject().put("id", id).put("method", method).put("params", params).encode());
    return TestApp.await(result);
  }

  /** The value of a JavaScript expression in the page (a promise is awaited). */
  Object eval(String expression) throws Exception {
    JsonObject result =
        call(
            "Runtime.evaluate",
            new JsonObject()
                .put("expression", expression)
                .put("awaitPromise", true)
                .put("returnByValue", true));
    if (result.containsKey("exceptionDetails")) {
      throw new IllegalStateException(
          "page threw on `"
              + expression
              + "`: "
              + result.getJsonObject("exceptionDetails").encode());
    }
    return result.getJsonObject("result").getValue("value");
  }

  /**
   * Evaluates {@code condition} until it is true, failing after {@code seconds}; while the page is
   * still loading, a condition that throws counts as not yet true.
   */
  void waitFor(String condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String last = "false";
    while (true) {
      try {
        if (Boolean.TRUE.equals(eval("Boolean(" + condition + ")"))) {
          return;
        }
      } catch (IllegalStateException pageThrew) {
        last = pageThrew.getMessage();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + seconds + " s (" + last + "): " + condition);
      }
      Thread.sleep(100);
    }
  }

  /** Saves what the window shows as a PNG. */
  void screenshot(Path file) throws Exception {
    JsonObject shot = call("Page.captureScreenshot", new JsonObject().put("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.getString("data")));
  }

  @Override
  public void close() throws Exception {
    try {
      TestApp.await(socket.close().compose(closed -> client.close()));
    } finally {
      // The renderer and helper processes too, so none writes into the profile once it is deleted.
      List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
      all.add(process.toHandle());
      process.destroy();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle handle : all) {
        handle.destroyForcibly();
        handle.onExit().get(10, TimeUnit.SECONDS);
      }
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
