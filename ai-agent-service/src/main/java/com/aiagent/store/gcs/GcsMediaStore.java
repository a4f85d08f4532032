package com.aiagent.store.gcs;

import com.aiagent.config.AppConfig;
import com.aiagent.store.MediaStore;
import com.aiagent.vertex.AccessTokens;
import com.aiagent.vertex.GoogleRest;
import com.aiagent.vertex.GoogleRest.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
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

/**
 * Pictures as objects of one Cloud Storage bucket, through the JSON API's own calls (a multipart
 * upload, a media download, list and delete) on Vert.x's HTTP client: every instance serves every
 * picture, and the bucket carries each one's {@code Content-Type} and a long {@code Cache-Control}.
 */
public final class GcsMediaStore implements MediaStore {
  static final String DEFAULT_BASE_URL = "https://storage.googleapis.com";

  /** Vert.x's default pool size for one host, kept: pictures are written one per post. */
  private static final int MAX_CONNECTIONS = 5;

  private final String bucket;
  private final String baseUrl;
  private final String contentType;
  private final String cacheControl;
  private final GoogleRest rest;
  private final GcsTrim trim;

  public GcsMediaStore(Vertx vertx, AppConfig config, String contentType) {
    this.bucket = config.gcs().bucket();
    this.baseUrl = config.gcs().baseUrl() == null ? DEFAULT_BASE_URL : config.gcs().baseUrl();
    this.contentType = contentType;
    this.cacheControl = "public, max-age=" + config.media().cacheMaxAgeSeconds() + ", immutable";
    this.rest =
        new GoogleRest(
            vertx,
            new AccessTokens(
                vertx,
                config.gcs().accessToken(),
                config.gcp().credentialsFile(),
                List.of("https://www.googleapis.com/auth/devstorage.read_write"),
                "Cloud Storage",
                "GCS_ACCESS_TOKEN"),
            config.gcs().timeoutMs(),
            MAX_CONNECTIONS);
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

  private Future<Reply> call(HttpMethod method, String url, String type, Buffer body) {
    return rest.call(method, url, type, body)
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
