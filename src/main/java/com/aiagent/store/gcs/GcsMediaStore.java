package com.aiagent.store.gcs;

import com.aiagent.config.AppConfig;
import com.aiagent.store.MediaStore;
import com.aiagent.vertex.AccessTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Pictures as objects of one Cloud Storage bucket, through the JSON API's own calls (a multipart
 * upload, a media download, list and delete) on Vert.x's HTTP client: every instance serves every
 * picture, and the bucket carries each one's {@code Content-Type} and a long {@code Cache-Control}.
 */
public final class GcsMediaStore implements MediaStore {
  static final String DEFAULT_BASE_URL = "https://storage.googleapis.com";

  private final HttpClient http;
  private final String bucket;
  private final String baseUrl;
  private final String contentType;
  private final String cacheControl;
  private final long timeoutMs;
  private final AccessTokens tokens;
  private final GcsTrim trim;

  public GcsMediaStore(Vertx vertx, AppConfig config, String contentType) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    this.bucket = config.gcs().bucket();
    this.baseUrl = config.gcs().baseUrl() == null ? DEFAULT_BASE_URL : config.gcs().baseUrl();
    this.contentType = contentType;
    this.cacheControl = "public, max-age=" + config.media().cacheMaxAgeSeconds() + ", immutable";
    this.timeoutMs = config.gcs().timeoutMs();
    this.tokens =
        new AccessTokens(
            vertx,
            config.gcs().accessToken(),
            config.gcp().credentialsFile(),
            List.of("https://www.googleapis.com/auth/devstorage.read_write"),
            "Cloud Storage",
            "GCS_ACCESS_TOKEN");
    this.trim = new GcsTrim(this, config.retention());
  }

  private String objects() {
    return baseUrl + "/storage/v1/b/" + encode(bucket) + "/o";
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public Future<Void> open() {
    return Future.succeededFuture();
  }

  /** A multipart upload: the object's metadata (name, type, cache header), then its bytes. */
  @Override
  public Future<Void> save(String name, Buffer bytes) {
    String boundary = "ai-agent-" + UUID.randomUUID();
    JsonObject metadata =
        new JsonObject()
            .put("name", name)
            .put("contentType", contentType)
            .put("cacheControl", cacheControl);
    Buffer body =
        Buffer.buffer()
            .appendString(
                "--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n")
            .appendString(metadata.encode())
            .appendString("\r\n--" + boundary + "\r\nContent-Type: " + contentType + "\r\n\r\n")
            .appendBuffer(bytes)
            .appendString("\r\n--" + boundary + "--\r\n");
    String url =
        baseUrl
            + "/upload/storage/v1/b/"
            + encode(bucket)
            + "/o?uploadType=multipart&name="
            + encode(name);
    return call(HttpMethod.POST, url, "multipart/related; boundary=" + boundary, body)
        .compose(reply -> expect(reply, 200, "upload of " + name))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Buffer>> load(String name) {
    return call(HttpMethod.GET, objects() + "/" + encode(name) + "?alt=media", null, null)
        .compose(
            reply ->
                reply.status() == 404
                    ? Future.succeededFuture(Optional.empty())
                    : expect(reply, 200, "download of " + name).map(r -> Optional.of(r.body())));
  }

  /** The bucket answers its metadata to these credentials. */
  @Override
  public Future<Boolean> writable() {
    return call(HttpMethod.GET, baseUrl + "/storage/v1/b/" + encode(bucket), null, null)
        .map(reply -> reply.status() == 200)
        .otherwise(false);
  }

  @Override
  public Future<Long> trim(Instant now) {
    return trim.run(now);
  }

  @Override
  public String location() {
    return "gs://" + bucket;
  }

  /** One object as listed: its name and when it was created. */
  record Listed(String name, Instant created) {}

  /** Every object of the bucket, oldest first, a page of {@code pageSize} per call. */
  Future<List<Listed>> list(int pageSize) {
    List<Listed> all = new ArrayList<>();
    return listFrom(null, pageSize, all)
        .map(
            v -> {
              all.sort(Comparator.comparing(Listed::created).thenComparing(Listed::name));
              return all;
            });
  }

  private Future<Void> listFrom(String pageToken, int pageSize, List<Listed> into) {
    String url =
        objects()
            + "?fields=items(name,timeCreated),nextPageToken&maxResults="
            + pageSize
            + (pageToken == null ? "" : "&pageToken=" + encode(pageToken));
    return call(HttpMethod.GET, url, null, null)
        .compose(reply -> expect(reply, 200, "listing"))
        .compose(
            reply -> {
              JsonObject page = reply.body().toJsonObject();
              JsonArray items = page.getJsonArray("items", new JsonArray());
              for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.getJsonObject(i);
                into.add(
                    new Listed(
                        item.getString("name"), Instant.parse(item.getString("timeCreated"))));
              }
              String next = page.getString("nextPageToken");
              return next == null ? Future.succeededFuture() : listFrom(next, pageSize, into);
            });
  }

  /** Deletes one object; one that is gone already counts as deleted. */
  Future<Void> delete(String name) {
    return call(HttpMethod.DELETE, objects() + "/" + encode(name), null, null)
        .compose(
            reply ->
                reply.status() == 404
                    ? Future.succeededFuture(reply)
                    : expect(reply, 204, "delete of " + name))
        .mapEmpty();
  }

  private record Reply(int status, Buffer body) {}

  /**
   * One JSON API call, answered with its status and whole body. The body is asked for in the same
   * callback that sends the request: a {@code compose} chained after {@code http.request(..)} on
   * the caller's thread could be attached only after the response had arrived on the event loop
   * (callers outside Vert.x, e.g. a test or a worker, race with it), and the bytes of a response
   * nobody reads yet are dropped, so its {@code body()} never completes.
   */
  private Future<Reply> call(HttpMethod method, String url, String type, Buffer body) {
    return tokens
        .current()
        .compose(
            token ->
                http.request(
                        new RequestOptions()
                            .setMethod(method)
                            .setAbsoluteURI(url)
                            .setTimeout(timeoutMs)
                            .putHeader("Authorization", "Bearer " + token))
                    .compose(
                        request -> {
                          if (type != null) {
                            request.putHeader("Content-Type", type);
                          }
                          return (body == null ? request.send() : request.send(body))
                              .compose(
                                  response ->
                                      response
                                          .body()
                                          .map(b -> new Reply(response.statusCode(), b)));
                        }))
        // The request's timeout bounds getting a connection and each wait for data; this bounds
        // the call as a whole (a bucket answering a byte at a time).
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(
            error ->
                Future.failedFuture(
                    new IllegalStateException(
                        "Cloud Storage " + method + " " + url + " failed: " + error, error)));
  }

  private Future<Reply> expect(Reply reply, int status, String what) {
    if (reply.status() == status) {
      return Future.succeededFuture(reply);
    }
    String text = reply.body().toString(StandardCharsets.UTF_8);
    return Future.failedFuture(
        new IllegalStateException(
            "Cloud Storage "
                + what
                + " in gs://"
                + bucket
                + " answered "
                + reply.status()
                + ": "
                + (text.length() > 300 ? text.substring(0, 300) : text)));
  }
}
