package com.aiagent.config;

/** The feed's sections of the configuration: ranking and caching, ads, and events. */
final class FeedSettings {
  private final ConfigTree tree;

  FeedSettings(ConfigTree tree) {
    this.tree = tree;
  }

  AppConfig.Feed feed() {
    int maxLimit = tree.integer("feed.max_limit", 1, 1000);
    return new AppConfig.Feed(
        tree.integer("feed.default_limit", 1, maxLimit),
        maxLimit,
        tree.integer("feed.ad_every", 2, 1000),
        tree.integer("feed.content_pool", 1, 10_000),
        tree.integer("feed.ad_pool", 0, 1_000),
        tree.integer("feed.ef_search", 1, 1000),
        tree.integer("feed.pool_size", 1, 200),
        tree.integer("feed.instances", 1, 64),
        tree.integer("feed.cache_ttl_ms", 0, 3_600_000),
        tree.integer("feed.cache_max_users", 1, 10_000_000),
        tree.integer("feed.cache_max_kb", 1, 64 * 1024 * 1024),
        tree.integer("feed.cursor_ttl_ms", 1000, Integer.MAX_VALUE),
        new AppConfig.Weights(
            tree.decimal("feed.weights.similarity", 0, 100),
            tree.decimal("feed.weights.followed_author", 0, 100),
            tree.decimal("feed.weights.similar_users", 0, 100),
            tree.decimal("feed.weights.liked_similar", 0, 100),
            tree.decimal("feed.weights.freshness", 0, 100),
            tree.decimal("feed.weights.seen", 0, 100),
            tree.decimal("feed.weights.bid", 0, 100)),
        tree.decimal("feed.freshness_half_life_hours", 0.001, 1_000_000),
        tree.decimal("feed.interest_threshold", -1, 1),
        tree.decimal("feed.liked_similar_threshold", -1, 1),
        tree.integer("feed.seen_saturation", 1, 1_000),
        new AppConfig.Signals(
            tree.integer("feed.signals.recent_likes", 0, 1_000),
            tree.integer("feed.signals.likers_per_like", 0, 1_000),
            tree.integer("feed.signals.followed_peers", 0, 10_000),
            tree.integer("feed.signals.peer_likes", 0, 1_000)),
        new AppConfig.Candidates(
            tree.bool("feed.candidates.enabled"),
            tree.integer("feed.candidates.max_age_ms", 0, Integer.MAX_VALUE),
            tree.integer("feed.candidates.refresh_after_ms", 0, Integer.MAX_VALUE),
            tree.integer("feed.candidates.warm_interval_ms", 10, 3_600_000),
            tree.integer("feed.candidates.warm_batch", 0, 100_000),
            tree.integer("feed.candidates.active_users", 0, 10_000_000)),
        new AppConfig.Texts(
            tree.integer("feed.texts.cache_max_kb", 0, 64 * 1024 * 1024),
            tree.integer("feed.texts.cache_ttl_ms", 1000, Integer.MAX_VALUE)),
        new AppConfig.AiPosts(
            tree.integer("feed.ai_posts.per_page", 0, 100),
            tree.integer("feed.ai_posts.max_age_hours", 1, 24 * 365),
            tree.integer("feed.ai_posts.max_authors", 1, 100_000)));
  }

  AppConfig.Ads ads() {
    return new AppConfig.Ads(
        tree.integer("ads.frequency_cap_per_day", 0, 1_000_000),
        tree.decimal("ads.default_daily_budget", 0, 1e12),
        tree.zone("ads.time_zone"),
        tree.text("ads.label"));
  }

  AppConfig.Events events() {
    return new AppConfig.Events(
        tree.integer("events.max_batch", 1, 10_000),
        tree.integer("events.max_body_bytes", 1024, 64 * 1024 * 1024),
        tree.integer("events.max_future_ms", 0, Integer.MAX_VALUE),
        tree.integer("events.max_age_ms", 1000, Integer.MAX_VALUE),
        tree.decimal("events.taste_weights.click", 0, 10),
        tree.decimal("events.taste_weights.like", 0, 10),
        tree.decimal("events.taste_weights.purchase", 0, 10));
  }
}
