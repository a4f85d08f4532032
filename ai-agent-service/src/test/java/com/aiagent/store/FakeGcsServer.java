package com.aiagent.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cloud Storage's JSON API for one bucket, as far as the media store speaks it: multipart upload
 * ({@code POST /upload/storage/v1/b/B/o?uploadType=multipart}, metadata part then media part),
 * media download ({@code GET /storage/v1/b/B/o/NAME?alt=media}), object and bucket metadata, a
 * paged list ({@code maxResults}, {@code pageToken}) and delete ({@code 204}, {@code
 * Content-Length: 0}); a wrong bearer token gets 401, an unknown bucket or object 404, all with the
 * API's JSON error body {@code {"error":{"code","message","errors":[...]}}}.
 *
 * <p>Built on the JDK's HTTP server with threads of its own, so it shares no event loop, connection
 * code or HTTP codec with the Vert.x client under test: every request body is read to its end
 * before the answer, and every answer has its exact {@code Content-Length}.
 */
final class FakeGcsServer {
  static final String TOKEN = "fake-gcs-token";

  static {
    // The JDK server writes an answer's head and body apart; with Nagle's algorithm on, each
    // answer then waits for the client's delayed ACK (about 40 ms). Read once, at its first use.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** An object as the fake keeps it. */
  record StoredObject(Buffer bytes, String contentType, String cacheControl, Instant created) {}

  final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();
  private final String bucket;
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private ExecutorService threads;

  FakeGcsServer(String bucket) {
    this.bucket = bucket;
  }

  /** Starts listening on a free port of 127.0.0.1 and answers it. */
  int start() throws IOException {
    AtomicInteger count = new AtomicInteger();
    threads =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread t = new Thread(task, "fake-gcs-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::exchange);
    server.start();
    return server.getAddress().getPort();
  }

  void close() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  /** How many requests the fake has answered. */
  int requests() {
    return requests.get();
  }

  /** Backdates an object, for retention by age. */
  void createdAt(String name, Instant created) {
    StoredObject o = objects.get(name);
    objects.put(name, new StoredObject(o.bytes(), o.contentType(), o.cacheControl(), created));
  }

  private record Answer(int status, String contentType, byte[] body) {
    static Answer json(int status, JsonObject json) {
      return new Answer(
          status,
          "application/json; charset=UTF-8",
          json.encode().getBytes(StandardCharsets.UTF_8));
    }

    static Answer error(int status, String reason, String message) {
      JsonObject detail =
          new JsonObject().put("message", message).put("domain", "global").put("reason", reason);
      return json(
          status,
          new JsonObject()
              .put(
                  "error",
                  new JsonObject()
                      .put("code", status)
                      .put("message", message)
                      .put("errors", new JsonArray().add(detail))));
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Answer answer;
      try {
        answer = answer(exchange, body);
      } catch (RuntimeException e) {
        answer = Answer.error(500, "backendError", "fake failed: " + e);
      }
      requests.incrementAndGet();
      if (answer.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      }
      if (answer.body().length == 0) {
        // No body (a delete's 204): an explicit empty length, as Cloud Storage sends.
        exchange.getResponseHeaders().set("Content-Length", "0");
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(answer.status(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  private Answer answer(HttpExchange exchange, byte[] body) {
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return Answer.error(401, "authError", "Invalid Credentials");
    }
    String method = exchange.getRequestMethod();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    // upload/storage/v1/b/B/o
    if (path.size() == 6
        && path.subList(0, 4).equals(List.of("upload", "storage", "v1", "b"))
        && path.get(5).equals("o")) {
      if (!method.equals("POST")) {
        return Answer.error(405, "methodNotAllowed", "Method not allowed");
      }
      return bucket(path.get(4)) ? upload(exchange, query, body) : noBucket();
    }
    if (path.size() < 4 || !path.subList(0, 3).equals(List.of("storage", "v1", "b"))) {
      return Answer.error(404, "notFound", "Not Found");
    }
    if (!bucket(path.get(3))) {
      return noBucket();
    }
    if (path.size() == 4 && method.equals("GET")) {
      return Answer.json(200, new JsonObject().put("kind", "storage#bucket").put("name", bucket));
    }
    if (path.size() == 5 && path.get(4).equals("o") && method.equals("GET")) {
      return list(query);
    }
    if (path.size() == 6 && path.get(4).equals("o")) {
      return object(method, path.get(5), query);
    }
    return Answer.error(404, "notFound", "Not Found");
  }

  private boolean bucket(String name) {
    return bucket.equals(name);
  }

  private static Answer noBucket() {
    return Answer.error(404, "notFound", "The specified bucket does not exist.");
  }

  /** multipart/related: the JSON metadata, then the bytes, each part with its own headers. */
  private Answer upload(HttpExchange exchange, Map<String, String> query, byte[] body) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String prefix = "multipart/related; boundary=";
    if (!"multipart".equals(query.get("uploadType")) || type == null || !type.startsWith(prefix)) {
      return Answer.error(
          400, "invalid", "expected uploadType=multipart with a multipart/related body");
    }
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared == null || Integer.parseInt(declared) != body.length) {
      return Answer.error(
          400, "invalid", "Content-Length " + declared + " but " + body.length + " bytes came");
    }
    List<byte[]> parts = split(body, "--" + type.substring(prefix.length()));
    if (parts.size() != 2) {
      return Answer.error(400, "invalid", "expected two parts, got " + parts.size());
    }
    JsonObject metadata = new JsonObject(new String(content(parts.get(0)), StandardCharsets.UTF_8));
    String name = metadata.getString("name", query.get("name"));
    if (name == null || name.isEmpty()) {
      return Answer.error(400, "required", "Required: object name");
    }
    String mediaType = metadata.getString("contentType", header(parts.get(1), "Content-Type"));
    StoredObject stored =
        new StoredObject(
            Buffer.buffer(content(parts.get(1))),
            mediaType,
            metadata.getString("cacheControl"),
            Instant.now());
    objects.put(name, stored);
    return Answer.json(200, describe(name, stored));
  }

  private Answer object(String method, String name, Map<String, String> query) {
    switch (method) {
      case "GET" -> {
        StoredObject found = objects.get(name);
        if (found == null) {
          return Answer.error(404, "notFound", "No such object: " + bucket + "/" + name);
        }
        return "media".equals(query.get("alt"))
            ? new Answer(200, found.contentType(), found.bytes().getBytes())
            : Answer.json(200, describe(name, found));
      }
      case "DELETE" -> {
        return objects.remove(name) == null
            ? Answer.error(404, "notFound", "No such object: " + bucket + "/" + name)
            : new Answer(204, null, new byte[0]);
      }
      default -> {
        return Answer.error(405, "methodNotAllowed", "Method not allowed");
      }
    }
  }

  /** Names in order, {@code maxResults} per page, the next page named by the last name given. */
  private Answer list(Map<String, String> query) {
    int max = Integer.parseInt(query.getOrDefault("maxResults", "1000"));
    String after = query.get("pageToken");
    JsonArray items = new JsonArray();
    String last = null;
    boolean more = false;
    for (Map.Entry<String, StoredObject> e : objects.entrySet()) {
      if (after != null && e.getKey().compareTo(after) <= 0) {
        continue;
      }
      if (items.size() == max) {
        more = true;
        break;
      }
      items.add(describe(e.getKey(), e.getValue()));
      last = e.getKey();
    }
    JsonObject page = new JsonObject().put("kind", "storage#objects").put("items", items);
    if (more) {
      page.put("nextPageToken", last);
    }
    return Answer.json(200, page);
  }

  private JsonObject describe(String name, StoredObject o) {
    return new JsonObject()
        .put("kind", "storage#object")
        .put("name", name)
        .put("bucket", bucket)
        .put("contentType", o.contentType())
        .put("size", String.valueOf(o.bytes().length()))
        .put("timeCreated", o.created().toString());
  }

  /** The path's segments, each percent-decoded ({@code +} stays itself in a path). */
  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        out.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The parts between {@code boundary} lines, each still with its headers. */
  private static List<byte[]> split(byte[] body, String boundary) {
    byte[] first = boundary.getBytes(StandardCharsets.ISO_8859_1);
    byte[] mark = ("\r\n" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<byte[]> parts = new ArrayList<>();
    int at = indexOf(body, first, 0);
    if (at < 0) {
      return parts;
    }
    int from = at + first.length;
    while (!(from + 1 < body.length && body[from] == '-' && body[from + 1] == '-')) {
      int next = indexOf(body, mark, from);
      if (next < 0) {
        break;
      }
      int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, from);
      parts.add(Arrays.copyOfRange(body, lineEnd + 2, next));
      from = next + mark.length;
    }
    return parts;
  }

  private static int indexOf(byte[] in, byte[] what, int from) {
    outer:
    for (int i = Math.max(0, from); i <= in.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (in[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String header(byte[] part, String name) {
    int end = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    String head = new String(part, 0, Math.max(0, end), StandardCharsets.ISO_8859_1);
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static byte[] content(byte[] part) {
    int at = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    return Arrays.copyOfRange(part, at + 4, part.length);
  }
}
