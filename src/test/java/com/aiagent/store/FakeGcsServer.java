package com.aiagent.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud Storage's JSON API for one bucket, as far as the media store speaks it: multipart upload
 * ({@code POST /upload/storage/v1/b/B/o?uploadType=multipart}, metadata part then media part),
 * media download ({@code GET /storage/v1/b/B/o/NAME?alt=media}), bucket metadata, a paged list
 * ({@code maxResults}, {@code pageToken}) and delete; a wrong bearer token gets 401, an unknown
 * bucket or object 404, all with the API's JSON error body.
 */
final class FakeGcsServer {
  static final String TOKEN = "fake-gcs-token";

  /** An object as the fake keeps it. */
  record StoredObject(Buffer bytes, String contentType, String cacheControl, Instant created) {}

  private static final Pattern UPLOAD = Pattern.compile("/upload/storage/v1/b/([^/]+)/o");
  private static final Pattern OBJECT = Pattern.compile("/storage/v1/b/([^/]+)/o/([^/]+)");
  private static final Pattern LIST = Pattern.compile("/storage/v1/b/([^/]+)/o");
  private static final Pattern BUCKET = Pattern.compile("/storage/v1/b/([^/]+)");

  final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();
  private final Vertx vertx;
  private final String bucket;
  private HttpServer server;

  FakeGcsServer(Vertx vertx, String bucket) {
    this.vertx = vertx;
    this.bucket = bucket;
  }

  Future<Integer> start() {
    server =
        vertx
            .createHttpServer()
            .requestHandler(request -> request.body().onSuccess(body -> handle(request, body)));
    return server.listen(0, "127.0.0.1").map(HttpServer::actualPort);
  }

  Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request, Buffer body) {
    if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
      error(request, 401, "Invalid Credentials");
      return;
    }
    String path = request.path();
    Matcher m;
    if ((m = UPLOAD.matcher(path)).matches() && request.method().name().equals("POST")) {
      if (known(request, m.group(1))) {
        upload(request, body);
      }
    } else if ((m = OBJECT.matcher(path)).matches()) {
      if (known(request, m.group(1))) {
        object(request, URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
      }
    } else if ((m = LIST.matcher(path)).matches() && request.method().name().equals("GET")) {
      if (known(request, m.group(1))) {
        list(request);
      }
    } else if ((m = BUCKET.matcher(path)).matches() && request.method().name().equals("GET")) {
      if (known(request, m.group(1))) {
        request
            .response()
            .putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("kind", "storage#bucket").put("name", bucket).encode());
      }
    } else {
      error(request, 404, "Not Found");
    }
  }

  private boolean known(HttpServerRequest request, String name) {
    if (!bucket.equals(name)) {
      error(request, 404, "The specified bucket does not exist.");
      return false;
    }
    return true;
  }

  /** multipart/related: the JSON metadata, then the bytes, each part with its own headers. */
  private void upload(HttpServerRequest request, Buffer body) {
    String type = request.getHeader("Content-Type");
    if (!"multipart".equals(request.getParam("uploadType"))
        || type == null
        || !type.startsWith("multipart/related; boundary=")) {
      error(request, 400, "expected uploadType=multipart with a multipart/related body");
      return;
    }
    String boundary = "--" + type.substring("multipart/related; boundary=".length());
    List<Buffer> parts = split(body, boundary);
    if (parts.size() != 2) {
      error(request, 400, "expected two parts, got " + parts.size());
      return;
    }
    JsonObject metadata = new JsonObject(content(parts.get(0)));
    String name = metadata.getString("name", request.getParam("name"));
    String mediaType = header(parts.get(1), "Content-Type");
    Instant created = Instant.now();
    objects.put(
        name,
        new StoredObject(
            content(parts.get(1)),
            metadata.getString("contentType", mediaType),
            metadata.getString("cacheControl"),
            created));
    request
        .response()
        .putHeader("Content-Type", "application/json")
        .end(
            new JsonObject()
                .put("kind", "storage#object")
                .put("bucket", bucket)
                .put("name", name)
                .put("contentType", metadata.getString("contentType", mediaType))
                .put("timeCreated", created.toString())
                .encode());
  }

  private void object(HttpServerRequest request, String name) {
    StoredObject found = objects.get(name);
    switch (request.method().name()) {
      case "GET" -> {
        if (found == null) {
          error(request, 404, "No such object: " + bucket + "/" + name);
        } else if ("media".equals(request.getParam("alt"))) {
          request.response().putHeader("Content-Type", found.contentType()).end(found.bytes());
        } else {
          request
              .response()
              .putHeader("Content-Type", "application/json")
              .end(describe(name, found).encode());
        }
      }
      case "DELETE" -> {
        if (objects.remove(name) == null) {
          error(request, 404, "No such object: " + bucket + "/" + name);
        } else {
          request.response().setStatusCode(204).putHeader("Content-Length", "0").end();
        }
      }
      default -> error(request, 405, "Method not allowed");
    }
  }

  /** Names in order, {@code maxResults} per page, the next page named by the last name given. */
  private void list(HttpServerRequest request) {
    int max = Integer.parseInt(request.getParam("maxResults", "1000"));
    String after = request.getParam("pageToken");
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
    request.response().putHeader("Content-Type", "application/json").end(page.encode());
  }

  private JsonObject describe(String name, StoredObject o) {
    return new JsonObject()
        .put("name", name)
        .put("bucket", bucket)
        .put("contentType", o.contentType())
        .put("size", String.valueOf(o.bytes().length()))
        .put("timeCreated", o.created().toString());
  }

  /** Backdates an object, for retention by age. */
  void createdAt(String name, Instant created) {
    StoredObject o = objects.get(name);
    objects.put(name, new StoredObject(o.bytes(), o.contentType(), o.cacheControl(), created));
  }

  private static void error(HttpServerRequest request, int status, String message) {
    request
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(
            new JsonObject()
                .put("error", new JsonObject().put("code", status).put("message", message))
                .encode());
  }

  private static List<Buffer> split(Buffer body, String boundary) {
    byte[] all = body.getBytes();
    byte[] mark = ("\r\n" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    String text = new String(all, StandardCharsets.ISO_8859_1);
    List<Buffer> parts = new ArrayList<>();
    int start = text.indexOf(boundary);
    if (start < 0) {
      return parts;
    }
    int from = start + boundary.length();
    while (true) {
      if (text.startsWith("--", from)) {
        break;
      }
      int next = text.indexOf(new String(mark, StandardCharsets.ISO_8859_1), from);
      if (next < 0) {
        break;
      }
      int partStart = text.indexOf("\r\n", from) + 2;
      parts.add(Buffer.buffer(java.util.Arrays.copyOfRange(all, partStart, next)));
      from = next + mark.length;
    }
    return parts;
  }

  private static String header(Buffer part, String name) {
    String text = part.toString(StandardCharsets.ISO_8859_1);
    for (String line : text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static Buffer content(Buffer part) {
    String text = part.toString(StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\r\n\r\n");
    return part.getBuffer(at + 4, part.length());
  }
}
