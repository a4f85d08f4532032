package com.aiagent;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web console at {@code /} in a real browser (Debian's headless Chromium): the feed shows with
 * its labels and reasons, like and hide go through the events API, a Korean prompt becomes a post
 * whose picture loads, and the secure mode asks for a key. Saves {@code target/console.png}.
 */
class ConsoleBrowserTest {
  static final Path SCREENSHOT = Path.of("target", "console.png");
  private static final String KEY = "0123456789abcdef0123";

  private final Vertx vertx = Vertx.vertx();
  private TestApp app;

  @BeforeEach
  void needsChromium() {
    if (chromium().isEmpty() && "true".equals(System.getenv("CI"))) {
      fail(
          "chromium is not installed; scripts/test-services.sh installs it (apt-get install chromium)");
    }
    Assumptions.assumeTrue(chromium().isPresent(), "chromium is not installed");
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      await(app.stop());
    }
    await(vertx.close());
  }

  private static Optional<Path> chromium() {
    return Chromium.find();
  }

  /** The reasons the README lists: the backticked words of the sentence that names them. */
  private static Set<String> documentedReasons() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("`reasons` names the signals");
    String sentence = readme.substring(start, readme.indexOf("Every page of one walk", start));
    Set<String> reasons = new TreeSet<>();
    Matcher ticked = Pattern.compile("`([a-z_]+)`").matcher(sentence);
    while (ticked.find()) {
      reasons.add(ticked.group(1));
    }
    reasons.remove("reasons");
    assertThat(reasons).contains("sponsored", "followed_author");
    return reasons;
  }

  private Chromium openConsole(Map<String, String> env) throws Exception {
    app = TestApp.create(env);
    await(app.start(vertx));
    return Chromium.open(
        vertx, chromium().orElseThrow(), "http://127.0.0.1:" + app.port() + "/", 1400, 1500);
  }

  @Test
  void consoleShowsTheFeedAndWritesAPostWithItsPicture() throws Exception {
    try (Chromium browser = openConsole(Map.of())) {
      browser.waitFor("document.querySelectorAll('#feed .card').length >= 5", 15);
      // The browser asks for English (en-US), so the page starts in English.
      assertThat(browser.eval("document.querySelector('h1').textContent"))
          .isEqualTo("ai-agent console");
      assertThat(browser.eval("document.getElementById('generate-button').textContent"))
          .isEqualTo("Generate");
      // Every reason the README documents has words in both languages.
      for (String reason : documentedReasons()) {
        assertThat(browser.eval("[TEXT.ko.reasons." + reason + ", TEXT.en.reasons." + reason + "]"))
            .as("words for reason %s", reason)
            .asString()
            .doesNotContain("null");
      }
      browser.eval("document.getElementById('lang-ko').click()");
      assertThat(browser.eval("document.querySelector('h1').textContent")).isEqualTo("ai-agent 콘솔");
      assertThat(browser.eval("document.documentElement.lang")).isEqualTo("ko");
      // Hangul is drawn in the card font the service ships, not in whatever the machine has.
      browser.waitFor(
          "document.fonts.ready.then(() => [...document.fonts].some(f =>"
              + " f.family.includes('NanumSquare') && f.status === 'loaded'))",
          10);

      // Ads are labelled and every item says why it is there, in Korean.
      assertThat(browser.eval("document.querySelector('#feed .card.ad .badge').textContent"))
          .isEqualTo("광고 · Sponsored");
      assertThat(browser.eval("document.querySelector('#feed .card.ad .reasons').textContent"))
          .asString()
          .contains("광고");
      assertThat(
              browser.eval(
                  "[...document.querySelectorAll('#feed .card')].every(c =>"
                      + " c.querySelectorAll('.reasons li').length > 0)"))
          .isEqualTo(true);

      // Like the first content and hide the first ad, through POST /v1/events.
      String liked =
          (String) browser.eval("document.querySelector('#feed .card.content').dataset.id");
      browser.eval("document.querySelector('#feed .card.content .like').click()");
      browser.waitFor(
          "document.querySelector('#feed .card[data-id=\""
              + liked
              + "\"] .like')"
              + ".getAttribute('aria-pressed') === 'true'",
          10);
      // The last ad of the page, so the first stays in the screenshot.
      String lastAd = "[...document.querySelectorAll('#feed .card.ad')].at(-1)";
      assertThat(browser.eval("document.querySelectorAll('#feed .card.ad').length"))
          .asString()
          .isNotIn("0", "1");
      String hidden = (String) browser.eval(lastAd + ".dataset.id");
      browser.eval(lastAd + ".querySelector('.hide').click()");
      browser.waitFor("!document.querySelector('#feed .card[data-id=\"" + hidden + "\"]')", 10);
      JsonObject feed =
          await(app.client(vertx).get("/v1/feed?user_id=user_001&limit=100").send())
              .bodyAsJsonObject();
      assertThat(feed.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
          .as("the hidden ad is gone from the user's feed on the server too")
          .doesNotContain(hidden);

      // A Korean prompt: the progress state shows at once, then the post with its picture.
      Object busy =
          browser.eval(
              "document.getElementById('prompt').value = '주말 러닝화 추천해줘';"
                  + "document.getElementById('generate-button').click();"
                  + "[document.getElementById('progress').checkVisibility(),"
                  + " document.getElementById('generate-button').disabled]");
      assertThat(busy.toString()).isEqualTo("[true,true]");
      browser.waitFor("document.querySelector('#post .card.post')", 20);
      browser.waitFor(
          "(() => { const img = document.getElementById('post-image');"
              + " return img && img.complete && img.naturalWidth > 0; })()",
          10);
      assertThat(browser.eval("document.getElementById('progress').checkVisibility()"))
          .isEqualTo(false);
      assertThat(browser.eval("document.getElementById('post-image').naturalWidth"))
          .isEqualTo(app.config.media().width());
      assertThat(browser.eval("document.querySelector('#post .badge').textContent"))
          .isEqualTo("AI 생성 · AI-generated");
      assertThat(browser.eval("document.querySelectorAll('#post [data-product]').length"))
          .asString()
          .isNotEqualTo("0");
      assertThat(browser.eval("document.querySelector('#post .products').textContent"))
          .asString()
          .contains("₩");
      browser.eval("window.scrollTo(0, 0)");
      browser.screenshot(SCREENSHOT);
    }
    assertThat(SCREENSHOT).isNotEmptyFile();
  }

  @Test
  void inASecureModeTheConsoleAsksForAKeyAndSendsIt() throws Exception {
    Map<String, String> secure =
        Map.of(
            "AUTH_MODE", "api_keys", "AUTH_OPEN_READS", "false", "API_KEYS", "web:" + KEY + ":*");
    try (Chromium browser = openConsole(secure)) {
      browser.waitFor("!document.getElementById('feed-error').hidden", 15);
      assertThat(browser.eval("document.getElementById('feed-error').textContent"))
          .asString()
          .startsWith("401 unauthorized");
      assertThat(browser.eval("document.getElementById('key-panel').open")).isEqualTo(true);

      browser.eval(
          "document.getElementById('api-key').value = '"
              + KEY
              + "';"
              + "document.getElementById('key-form').requestSubmit()");
      browser.waitFor("document.querySelectorAll('#feed .card').length >= 5", 15);
      assertThat(browser.eval("sessionStorage.getItem('ai-agent.apiKey')")).isEqualTo(KEY);
      assertThat(browser.eval("localStorage.getItem('ai-agent.apiKey')")).isNull();

      // A write with the key: the like is accepted (an unauthenticated one would be a 401).
      browser.eval("document.querySelector('#feed .card.content .like').click()");
      browser.waitFor(
          "document.querySelector('#feed .card.content .like').getAttribute('aria-pressed')"
              + " === 'true'",
          10);
      assertThat(browser.eval("document.querySelector('#feed .item-error:not([hidden])')"))
          .isNull();
    }
  }
}
