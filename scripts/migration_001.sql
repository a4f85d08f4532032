-- Migration 001: the catalog, the graph and generated posts, with 768-dim pgvector embeddings.
-- Runs by hand (psql -U postgres -d ai_agent < scripts/migration_001.sql) or at service start;
-- every statement is idempotent, so running it twice changes nothing.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE IF NOT EXISTS categories (
  key      text PRIMARY KEY,
  name_ko  text NOT NULL,
  name_en  text NOT NULL,
  color    text NOT NULL
);

CREATE TABLE IF NOT EXISTS users (
  id               text PRIMARY KEY,
  name_ko          text NOT NULL,
  name_en          text NOT NULL,
  interests        text[] NOT NULL,
  bio_ko           text NOT NULL,
  bio_en           text NOT NULL,
  embedding        vector(768),
  embedding_model  text
);

CREATE TABLE IF NOT EXISTS products (
  id               text PRIMARY KEY,
  category         text NOT NULL REFERENCES categories (key),
  name_ko          text NOT NULL,
  name_en          text NOT NULL,
  price            bigint NOT NULL CHECK (price >= 0),
  description_ko   text NOT NULL,
  description_en   text NOT NULL,
  tags             text[] NOT NULL,
  embedding        vector(768),
  embedding_model  text
);

CREATE TABLE IF NOT EXISTS campaigns (
  id                text PRIMARY KEY,
  product_id        text NOT NULL REFERENCES products (id),
  category          text NOT NULL REFERENCES categories (key),
  advertiser        text NOT NULL,
  title_ko          text NOT NULL,
  title_en          text NOT NULL,
  body_ko           text NOT NULL,
  body_en           text NOT NULL,
  target_interests  text[] NOT NULL,
  bid               double precision NOT NULL CHECK (bid >= 0),
  active            boolean NOT NULL,
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  embedding         vector(768),
  embedding_model   text
);

CREATE TABLE IF NOT EXISTS contents (
  id               text PRIMARY KEY,
  author_id        text NOT NULL REFERENCES users (id),
  category         text NOT NULL REFERENCES categories (key),
  product_id       text NOT NULL REFERENCES products (id),
  title_ko         text NOT NULL,
  title_en         text NOT NULL,
  body_ko          text NOT NULL,
  body_en          text NOT NULL,
  tags             text[] NOT NULL,
  created_at       timestamptz NOT NULL,
  embedding        vector(768),
  embedding_model  text
);

-- The graph: user to user (follows), content (likes), product (views, purchases), campaign (clicks).
-- No foreign keys: the graph store can live apart from the catalog (USE_MOCK_GRAPH_DB).
CREATE TABLE IF NOT EXISTS edges (
  from_id     text NOT NULL,
  type        text NOT NULL CHECK (type IN ('FOLLOWS', 'LIKES', 'VIEWS', 'PURCHASES', 'CLICKS')),
  to_id       text NOT NULL,
  seq         bigserial,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_id, type, to_id)
);
CREATE INDEX IF NOT EXISTS edges_to_idx ON edges (to_id, type);

CREATE TABLE IF NOT EXISTS generated_posts (
  id          uuid PRIMARY KEY,
  user_id     text NOT NULL,
  created_at  timestamptz NOT NULL,
  document    jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS generated_posts_user_idx ON generated_posts (user_id, created_at DESC);

-- Approximate nearest neighbours by cosine distance, as pgvector's README builds them.
-- ef_construction 128 (default 64) measured recall@10 0.973 at ef_search 400 on 100,000 campaigns
-- against 0.94 or less with the default build (docs/BENCHMARKS.md).
CREATE INDEX IF NOT EXISTS users_embedding_idx ON users USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128);
CREATE INDEX IF NOT EXISTS products_embedding_idx ON products USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128);
CREATE INDEX IF NOT EXISTS campaigns_embedding_idx ON campaigns USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128);
CREATE INDEX IF NOT EXISTS contents_embedding_idx ON contents USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 128);
CREATE INDEX IF NOT EXISTS campaigns_live_idx ON campaigns (active, starts_at, ends_at);
