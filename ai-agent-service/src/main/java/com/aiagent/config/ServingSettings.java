package com.aiagent.config;

/** The serving sections of the configuration: HTTP, the bus's timeouts, the metrics endpoint. */
final class ServingSettings {
  private final ConfigTree tree;

  ServingSettings(ConfigTree tree) {
    this.tree = tree;
  }

  /**
   * The HTTP server; the drain, the grace period and the process's limit must come in that order.
   */
  AppConfig.Http http() {
    AppConfig.Http http =
        new AppConfig.Http(
            tree.text("http.host"),
            tree.integer("http.port", 1, 65535),
            tree.integer("http.instances", 0, 64),
            tree.integer("http.max_body_bytes", 1024, 16 * 1024 * 1024),
            tree.optionalUrl("http.public_base_url"),
            tree.integer("http.shutdown_grace_ms", 0, 60_000),
            tree.integer("http.drain_answer_ms", 0, 60_000),
            tree.integer("http.shutdown_limit_ms", 100, 600_000),
            tree.bool("http.health_details"),
            tree.integer("http.idle_timeout_seconds", 1, 3600),
            tree.integer("http.max_initial_line_bytes", 256, 65_536),
            tree.integer("http.max_header_bytes", 1024, 65_536),
            tree.hosts("http.allowed_hosts"),
            tree.origins("http.cors_origins"),
            tree.integer("http.max_connections", 0, 1_000_000),
            tree.integer("http.header_timeout_ms", 0, 600_000));
    if (http.drainAnswerMs() >= http.shutdownGraceMs()
        || http.shutdownGraceMs() >= http.shutdownLimitMs()) {
      throw new ConfigException(
          tree.source("http.drain_answer_ms")
              + ": in-flight requests are answered at drain_answer_ms ("
              + http.drainAnswerMs()
              + "), which must come before the grace period ends (shutdown_grace_ms "
              + http.shutdownGraceMs()
              + "), which must end before the process gives up (shutdown_limit_ms "
              + http.shutdownLimitMs()
              + ")");
    }
    return http;
  }

  /** Send timeouts per destination. */
  AppConfig.Bus bus() {
    return new AppConfig.Bus(
        tree.integer("bus.feed_timeout_ms", 1, 600_000),
        tree.integer("bus.generation_timeout_ms", 1, 600_000),
        tree.integer("bus.embedding_timeout_ms", 1, 600_000),
        tree.integer("bus.llm_timeout_ms", 1, 600_000),
        tree.integer("bus.media_timeout_ms", 1, 600_000),
        tree.integer("bus.events_timeout_ms", 1, 600_000),
        tree.integer("bus.health_timeout_ms", 1, 60_000));
  }

  AppConfig.Cluster cluster() {
    String modules = tree.text("cluster.modules").trim().toLowerCase(java.util.Locale.ROOT);
    java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
    if (modules.equals("all")) {
      chosen.addAll(AppConfig.Cluster.MODULES);
    } else {
      for (String module : modules.split(",")) {
        String name = module.trim();
        if (!AppConfig.Cluster.MODULES.contains(name)) {
          throw tree.invalid(
              "cluster.modules", "all, or a comma-separated list of " + AppConfig.Cluster.MODULES);
        }
        chosen.add(name);
      }
    }
    boolean enabled = tree.bool("cluster.enabled");
    if (!enabled && chosen.size() < AppConfig.Cluster.MODULES.size()) {
      throw new ConfigException(
          tree.source("cluster.modules")
              + ": a member with only some modules needs the others on a clustered bus"
              + " (CLUSTER=true)");
    }
    java.util.List<String> members = new java.util.ArrayList<>();
    String raw = tree.optionalText("cluster.members");
    if (raw != null) {
      for (String member : raw.split(",")) {
        String m = member.trim();
        if (!m.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
          throw tree.invalid("cluster.members", "comma-separated host or host:port");
        }
        members.add(m);
      }
    }
    return new AppConfig.Cluster(
        enabled,
        tree.text("cluster.name"),
        tree.text("cluster.host"),
        tree.integer("cluster.port", 1, 65535),
        java.util.List.copyOf(members),
        tree.integer("cluster.bus_port", 0, 65535),
        java.util.Collections.unmodifiableSet(chosen),
        tree.integer("cluster.join_wait_seconds", 0, 300));
  }

  AppConfig.Metrics metrics() {
    return new AppConfig.Metrics(tree.bool("metrics.enabled"), metricsPath());
  }

  private String metricsPath() {
    String path = tree.text("metrics.path");
    if (!path.matches("/[a-z0-9_/-]{1,64}") || path.startsWith("/v1/") || path.equals("/health")) {
      throw new ConfigException(
          tree.source("metrics.path")
              + ": a path such as /metrics, outside /v1/ and /health; got "
              + path);
    }
    return path;
  }
}
