-- Migration 006: generated posts published into their author's followers' feeds.
-- A post is published or not when it is saved ("publish": true on generate-feed); posts saved
-- before this migration stay unpublished. Adding a column with a constant default rewrites nothing.
ALTER TABLE generated_posts ADD COLUMN IF NOT EXISTS published boolean NOT NULL DEFAULT false;

-- The feed reads each followed author's newest published posts at page time (fan-out on read):
-- one probe of this index per followed author, newest first, in the order the page's keyset walks
-- (created_at, id descending). Partial: unpublished posts, most of them, cost it nothing.
CREATE INDEX IF NOT EXISTS generated_posts_published_idx
  ON generated_posts (user_id, created_at DESC, id DESC) WHERE published;
