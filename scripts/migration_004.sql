-- Stored feed candidate lists are read on every uncached first page. The state statement probes
-- the live tables with only the ids each one needs (contents for impressions, campaigns for
-- spend), so the list keeps them apart; and the document is json (its text, sent as it is)
-- instead of jsonb, which PostgreSQL would convert back to text on every read. Existing lists keep
-- their words and ids.
ALTER TABLE feed_candidates ADD COLUMN IF NOT EXISTS content_ids text[];
ALTER TABLE feed_candidates ADD COLUMN IF NOT EXISTS ad_ids text[];
UPDATE feed_candidates SET
  content_ids = ARRAY(SELECT e->>0 FROM jsonb_array_elements(document->'contents') e),
  ad_ids = ARRAY(SELECT e->>0 FROM jsonb_array_elements(document->'ads') e);
ALTER TABLE feed_candidates ALTER COLUMN content_ids SET NOT NULL;
ALTER TABLE feed_candidates ALTER COLUMN ad_ids SET NOT NULL;
ALTER TABLE feed_candidates DROP COLUMN item_ids;
ALTER TABLE feed_candidates ALTER COLUMN document TYPE json USING document::json;
