-- Migration 005: indexes that serve the statements the service runs, and no others.
-- edges_to_idx (to_id, type) served only "who liked this", which edges_likes_by_item_idx
-- (migration 003: to_id, seq DESC WHERE type = 'LIKES') serves with the order the feed needs; no
-- statement looks up other edge types by target. generated_posts_user_idx (user_id, created_at)
-- served no statement: posts are read by id. Both cost a write on every insert.
DROP INDEX IF EXISTS edges_to_idx;
DROP INDEX IF EXISTS generated_posts_user_idx;

-- Retention (retention.*) removes the oldest generated posts and pictures, by age and beyond the
-- newest N, in bounded batches ordered by created_at.
CREATE INDEX IF NOT EXISTS generated_posts_created_idx ON generated_posts (created_at);
CREATE INDEX IF NOT EXISTS media_created_idx ON media (created_at);
