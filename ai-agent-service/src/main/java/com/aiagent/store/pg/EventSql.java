package com.aiagent.store.pg;

/**
 * Every statement of the event store. A batch is one transaction: the events first (a conflict on
 * user and event id marks a duplicate), then one statement per kind of effect over arrays, so a
 * batch of 500 events costs a handful of statements, not 500.
 */
final class EventSql {
  private EventSql() {}

  static final String INSERT_EVENTS =
      "INSERT INTO user_events (user_id, event_id, type, item_id, ts) "
          + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) "
          + "ON CONFLICT (user_id, event_id) DO NOTHING RETURNING user_id, event_id";

  static final String ADD_EDGES =
      "INSERT INTO edges (from_id, type, to_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) "
          + "ON CONFLICT DO NOTHING";

  static final String REMOVE_EDGES =
      "DELETE FROM edges e USING unnest($1::text[], $2::text[], $3::text[]) AS r(from_id, type, to_id) "
          + "WHERE e.from_id = r.from_id AND e.type = r.type AND e.to_id = r.to_id";

  static final String HIDE =
      "INSERT INTO hidden_items (user_id, item_id) SELECT * FROM unnest($1::text[], $2::text[]) "
          + "ON CONFLICT DO NOTHING";

  /** Rows must be unique per (user, item) within one call: the caller sums them first. */
  static final String SEEN =
      "INSERT INTO seen_items (user_id, item_id, impressions, last_seen) "
          + "SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[]) "
          + "ON CONFLICT (user_id, item_id) DO UPDATE SET "
          + "impressions = seen_items.impressions + EXCLUDED.impressions, "
          + "last_seen = GREATEST(seen_items.last_seen, EXCLUDED.last_seen)";

  static final String FREQUENCY =
      "INSERT INTO ad_frequency (user_id, campaign_id, day, impressions) "
          + "SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::int[]) "
          + "ON CONFLICT (user_id, campaign_id, day) DO UPDATE SET "
          + "impressions = ad_frequency.impressions + EXCLUDED.impressions";

  static final String DELIVERY =
      "INSERT INTO ad_delivery (campaign_id, day, impressions, spend) "
          + "SELECT * FROM unnest($1::text[], $2::date[], $3::bigint[], $4::float8[]) "
          + "ON CONFLICT (campaign_id, day) DO UPDATE SET "
          + "impressions = ad_delivery.impressions + EXCLUDED.impressions, "
          + "spend = ad_delivery.spend + EXCLUDED.spend";

  /** Adds each move to the user's taste (the profile embedding until the first move). */
  static final String MOVE_TASTE =
      "UPDATE users u SET taste = l2_normalize(l2_normalize(COALESCE(u.taste, u.embedding)) + m.move::vector) "
          + "FROM unnest($1::text[], $2::text[]) AS m(id, move) "
          + "WHERE u.id = m.id AND COALESCE(u.taste, u.embedding) IS NOT NULL";

  static final String DROP_CANDIDATES = "DELETE FROM feed_candidates WHERE user_id = ANY($1)";

  static final String HISTORY =
      "SELECT user_id, event_id, type, item_id, ts FROM user_events WHERE user_id = $1 "
          + "ORDER BY ts, received_at, event_id LIMIT $2";

  static final String COUNT = "SELECT count(*) FROM user_events";
}
