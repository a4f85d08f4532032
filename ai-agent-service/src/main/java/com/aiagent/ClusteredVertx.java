package com.aiagent;

import com.aiagent.config.AppConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A Vert.x whose event bus spans the cluster's members, on Hazelcast: TCP/IP join with the
 * configured members (multicast, cloud auto-detection and phone-home off), bound to and advertising
 * {@code cluster.host}, so it runs the same on loopback, VMs and GKE pods.
 */
public final class ClusteredVertx {
  private ClusteredVertx() {}

  public static Future<Vertx> build(VertxOptions options, AppConfig.Cluster cluster) {
    options
        .getEventBusOptions()
        .setHost(cluster.host())
        .setPort(cluster.busPort())
        .setClusterPublicHost(cluster.host());
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(hazelcast(cluster)))
        .buildClustered();
  }

  /** Hazelcast's configuration: Vert.x's own maps (from its default file), then the network. */
  static Config hazelcast(AppConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    // Vert.x leaves the cluster in its own close, after the drain; Hazelcast's hook must not.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // How long a starting member looks for others before it may found a cluster of its own:
    // long enough that members started together form one (tests set 0).
    String wait = String.valueOf(cluster.joinWaitSeconds());
    config.setProperty("hazelcast.wait.seconds.before.join", wait);
    config.setProperty("hazelcast.max.wait.seconds.before.join", wait);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true).setPortCount(10);
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getAwsConfig().setEnabled(false);
    join.getKubernetesConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setMembers(cluster.members())
        .setConnectionTimeoutSeconds(2);
    return config;
  }
}
