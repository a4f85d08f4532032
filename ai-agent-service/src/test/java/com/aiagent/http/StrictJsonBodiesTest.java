package com.aiagent.http;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bodies are read as RFC 8259 JSON in UTF-8, nothing looser, and a refused one stores nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictJsonBodiesTest {
  private static final String EVENTS =
      "{\"events\": [{\"event_id\": \"strict-1\", \"user_id\": \"user_001\", \"type\": \"like\","
          + " \"item_id\": \"content_054\"}]}";

  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;

  @BeforeAll
  void start() throws Exception {
    app = TestApp.create();
    await(app.start(vertx));
    client = app.client(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  private HttpResponse<Buffer> send(byte[] body) throws Exception {
    return await(
        client
            .post("/v1/events")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(body)));
  }

  private void assertRefused(byte[] body, String message) throws Exception {
    HttpResponse<Buffer> response = send(body);
    assertThat(response.statusCode())
        .as(new String(body, StandardCharsets.ISO_8859_1))
        .isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo(message);
  }

  @Test
  void looserJsonIsRefusedAndNothingIsStored() throws Exception {
    long before = await(app.stores.events().count());
    byte[] utf8 = EVENTS.getBytes(StandardCharsets.UTF_8);
    assertRefused(("// hi\n" + EVENTS).getBytes(StandardCharsets.UTF_8), "body is not valid JSON");
    assertRefused(
        EVENTS.replace("[{", "[/* c */{").getBytes(StandardCharsets.UTF_8),
        "body is not valid JSON");
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertRefused(bom, "body must be UTF-8 JSON without a byte order mark");
    assertRefused(EVENTS.getBytes(StandardCharsets.UTF_16LE), "body is not valid JSON");
    assertRefused(EVENTS.getBytes(Charset.forName("UTF-32BE")), "body is not valid JSON");
    // "/" written as the overlong two-byte sequence C0 AF inside a string.
    byte[] overlong = EVENTS.replace("content_054", "content_X54").getBytes(StandardCharsets.UTF_8);
    int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("X54");
    byte[] sneaky = new byte[overlong.length + 1];
    System.arraycopy(overlong, 0, sneaky, 0, at);
    sneaky[at] = (byte) 0xC0;
    sneaky[at + 1] = (byte) 0xAF;
    System.arraycopy(overlong, at + 1, sneaky, at + 2, overlong.length - at - 1);
    assertRefused(sneaky, "body is not valid UTF-8");
    assertRefused(
        "{\"events\": [], \"events\": []}".getBytes(StandardCharsets.UTF_8),
        "body is not valid JSON");
    assertRefused((EVENTS + " {}").getBytes(StandardCharsets.UTF_8), "body is not valid JSON");
    assertThat(await(app.stores.events().count())).isEqualTo(before);

    HttpResponse<Buffer> plain = send(utf8);
    assertThat(plain.statusCode()).isEqualTo(202);
    assertThat(plain.bodyAsJsonObject().getInteger("accepted")).isEqualTo(1);
  }
}
