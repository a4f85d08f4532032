-- Migration 002: generated pictures in the database, so that every instance of the service
-- (Cloud Run runs several) serves every picture. Used when media.store is "postgres".

CREATE TABLE IF NOT EXISTS media (
  name          text PRIMARY KEY CHECK (name ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.webp$'),
  content_type  text NOT NULL,
  bytes         bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
