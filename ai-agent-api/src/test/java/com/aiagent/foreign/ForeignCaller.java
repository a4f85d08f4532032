package com.aiagent.foreign;

import com.aiagent.bus.BusJson;
import com.aiagent.events.EventInput;
import com.aiagent.events.EventsClient;
import com.aiagent.events.RecordEvents;
import com.aiagent.feed.FeedClient;
import com.aiagent.feed.FeedItem;
import com.aiagent.feed.FeedRequest;
import com.aiagent.generation.GenerateFeedRequest;
import com.aiagent.generation.GenerationClient;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Another team's process, as the clustered-bus test starts it: a JVM with only ai-agent-api,
 * vertx-hazelcast and their dependencies on its class path. It joins the cluster, deploys one small
 * verticle that calls the service's modules through the api's clients, prints each answer as a JSON
 * line on stdout, and leaves when its stdin closes.
 *
 * <p>Arguments: {@code <mode> <cluster name> <own port> <members> <user id>}; modes: {@code calls}
 * (feed, an event, a post), {@code old-contract} (a feed request under another contract version),
 * {@code slow} (one post request, {@code sent} printed once it is on its way).
 */
public final class ForeignCaller extends VerticleBase {
  /** The test's go-aheads, one per step that must wait for it. */
  private static final BlockingQueue<String> GO = new LinkedBlockingQueue<>();

  private final String mode;
  private final String userId;

  private ForeignCaller(String mode, String userId) {
    this.mode = mode;
    this.userId = userId;
  }

  public static void main(String[] args) throws Exception {
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(args[1]);
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.setProperty("hazelcast.logging.type", "none");
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "0");
    hazelcast.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    hazelcast.getNetworkConfig().setPort(Integer.parseInt(args[2])).setPortAutoIncrement(false);
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(List.of(args[3].split(",")));
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1");
    Vertx vertx =
        Vertx.builder()
            .with(options)
            .withClusterManager(new HazelcastClusterManager(hazelcast))
            .buildClustered()
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    vertx
        .deployVerticle(new ForeignCaller(args[0], args[4]))
        .onFailure(error -> print(new JsonObject().put("deploy_failed", error.getMessage())));
    // Stay a member until the test is done with us; its other lines let the calls go on.
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
      GO.offer(line);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get();
    System.exit(0);
  }

  @Override
  public Future<?> start() {
    FeedClient.registerCodecs(vertx);
    EventsClient.registerCodecs(vertx);
    GenerationClient.registerCodecs(vertx);
    switch (mode) {
      case "calls" -> calls();
      case "old-contract" -> oldContract();
      case "slow" -> slow();
      default -> print(new JsonObject().put("unknown_mode", mode));
    }
    return Future.succeededFuture();
  }

  /** The feed, one event and a post, each printed as it comes back. */
  private void calls() {
    FeedClient feed = new FeedClient(vertx, 10_000);
    feed.get(new FeedRequest(userId, 10, null))
        .onSuccess(
            page ->
                print(
                    new JsonObject().put("feed", page.items().stream().map(FeedItem::id).toList())))
        // The test reads the same feed over HTTP before the event below changes it.
        .compose(page -> vertx.executeBlocking(GO::take))
        .compose(
            go ->
                new EventsClient(vertx, 10_000)
                    .record(
                        new RecordEvents(
                            List.of(
                                new EventInput(
                                    "foreign-" + System.nanoTime(),
                                    userId,
                                    "like",
                                    "content_054",
                                    null)))))
        .onSuccess(recorded -> print(new JsonObject().put("events", recorded.accepted())))
        .compose(
            recorded ->
                new GenerationClient(vertx, 20_000)
                    .generateFeed(
                        new GenerateFeedRequest(
                            userId, "오늘 기분 좋은 패션 아이템 추천해줘", false, "http://foreign")))
        .onSuccess(post -> print(new JsonObject().put("post", BusJson.toJsonObject(post))))
        .onFailure(error -> print(new JsonObject().put("failed", error.getMessage())))
        .onComplete(done -> print(new JsonObject().put("done", true)));
  }

  /** A feed request whose codec is named for another contract version. */
  private void oldContract() {
    vertx.eventBus().unregisterDefaultCodec(FeedRequest.class);
    vertx.eventBus().registerDefaultCodec(FeedRequest.class, new OldCodec());
    new FeedClient(vertx, 10_000)
        .get(new FeedRequest(userId, 10, null))
        .onSuccess(page -> print(new JsonObject().put("feed", page.items().size())))
        .onFailure(
            error -> print(new JsonObject().put("failed", String.valueOf(error.getMessage()))))
        .onComplete(done -> print(new JsonObject().put("done", true)));
  }

  /** One post request, whose answer (or failure) comes while the test takes the service away. */
  private void slow() {
    long started = System.nanoTime();
    Future<?> post =
        new GenerationClient(vertx, 4_000)
            .generateFeed(new GenerateFeedRequest(userId, "가을 코트 추천", false, "http://foreign"));
    print(new JsonObject().put("sent", true));
    post.onComplete(
        done ->
            print(
                new JsonObject()
                    .put("ok", done.succeeded())
                    .put("failed", done.failed() ? String.valueOf(done.cause().getMessage()) : null)
                    .put("ms", (System.nanoTime() - started) / 1_000_000)
                    .put("done", true)));
  }

  private static synchronized void print(JsonObject line) {
    System.out.println(line.encode());
    System.out.flush();
  }

  /** FeedRequest as a client built on contract version 0 would send it. */
  private static final class OldCodec implements MessageCodec<FeedRequest, FeedRequest> {
    @Override
    public void encodeToWire(Buffer buffer, FeedRequest value) {
      Buffer json = BusJson.encode(value);
      buffer.appendInt(json.length()).appendBuffer(json);
    }

    @Override
    public FeedRequest decodeFromWire(int pos, Buffer buffer) {
      throw new UnsupportedOperationException("this client only sends");
    }

    @Override
    public FeedRequest transform(FeedRequest value) {
      return value;
    }

    @Override
    public String name() {
      return "ai-agent/v0/" + FeedRequest.class.getName();
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
