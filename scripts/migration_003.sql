-- Migration 003: user events and what they change.
-- Events are kept as they came (a user's history can be replayed into a new model later); their
-- effects live beside them: a taste vector per user that moves with what they click, like and buy,
-- hidden items, impressions of contents, and the ad delivery ledger (frequency per user per day,
-- impressions and spend per campaign per day) that every instance reads and charges.
-- Applied once, under the seed's advisory lock, and recorded in schema_migrations.

-- The taste vector starts as the profile embedding and moves with each click, like and purchase.
ALTER TABLE users ADD COLUMN IF NOT EXISTS taste vector(768);

-- Delivery rules per campaign; NULL means the configured default (ads.default_daily_budget,
-- ads.frequency_cap_per_day). The budget is in the bid's currency; impressions cost bid / 1000.
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS daily_budget double precision CHECK (daily_budget >= 0);
ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS frequency_cap integer CHECK (frequency_cap >= 0);

-- Every accepted event. The client's event_id, per user, makes a retried batch harmless.
CREATE TABLE IF NOT EXISTS user_events (
  user_id      text NOT NULL,
  event_id     text NOT NULL,
  type         text NOT NULL CHECK (type IN ('impression', 'click', 'like', 'unlike', 'hide', 'purchase', 'follow', 'unfollow')),
  item_id      text NOT NULL,
  ts           timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, event_id)
);

-- Items (contents or campaigns) a user never wants to see again.
CREATE TABLE IF NOT EXISTS hidden_items (
  user_id    text NOT NULL,
  item_id    text NOT NULL,
  hidden_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, item_id)
);

-- How often each content was shown to a user; seen content moves down the feed.
CREATE TABLE IF NOT EXISTS seen_items (
  user_id      text NOT NULL,
  item_id      text NOT NULL,
  impressions  integer NOT NULL,
  last_seen    timestamptz NOT NULL,
  PRIMARY KEY (user_id, item_id)
);

-- The ad delivery ledger: charged impressions per campaign and day, and per user for the cap.
CREATE TABLE IF NOT EXISTS ad_delivery (
  campaign_id  text NOT NULL,
  day          date NOT NULL,
  impressions  bigint NOT NULL,
  spend        double precision NOT NULL,
  PRIMARY KEY (campaign_id, day)
);
CREATE TABLE IF NOT EXISTS ad_frequency (
  user_id      text NOT NULL,
  campaign_id  text NOT NULL,
  day          date NOT NULL,
  impressions  integer NOT NULL,
  PRIMARY KEY (user_id, campaign_id, day)
);

-- Each user's feed candidates, built in the background (and on a miss) so that serving a first
-- page is a read: content and ad ids (item_ids, to join the live state on) and, in document, the
-- signals that do not change per request.
CREATE TABLE IF NOT EXISTS feed_candidates (
  user_id   text PRIMARY KEY,
  built_at  timestamptz NOT NULL,
  item_ids  text[] NOT NULL,
  document  jsonb NOT NULL
);

-- "Who else liked this": likes by item, newest first, for the bounded similar-users signal.
CREATE INDEX IF NOT EXISTS edges_likes_by_item_idx ON edges (to_id, seq DESC) WHERE type = 'LIKES';
-- A user's likes, newest first: their own recent likes and each similar user's, bounded by LIMIT.
CREATE INDEX IF NOT EXISTS edges_likes_by_user_idx ON edges (from_id, seq DESC) WHERE type = 'LIKES';
