package com.aiagent.store.pg;

import com.aiagent.store.ItemType;

/** Every SQL statement of the PostgreSQL stores, in pgvector's README style. */
final class SqlQueries {
  private SqlQueries() {}

  static String table(ItemType type) {
    return switch (type) {
      case USER -> "users";
      case PRODUCT -> "products";
      case CAMPAIGN -> "campaigns";
      case CONTENT -> "contents";
    };
  }

  // Catalog. Upserts keep a row's embedding unless the statement sets it.
  static final String UPSERT_CATEGORY =
      "INSERT INTO categories (key, name_ko, name_en, color) VALUES ($1, $2, $3, $4) "
          + "ON CONFLICT (key) DO UPDATE SET name_ko = EXCLUDED.name_ko, name_en = EXCLUDED.name_en, "
          + "color = EXCLUDED.color";
  static final String UPSERT_USER =
      "INSERT INTO users (id, name_ko, name_en, interests, bio_ko, bio_en, embedding, embedding_model) "
          + "VALUES ($1, $2, $3, $4, $5, $6, $7::vector, $8) "
          + "ON CONFLICT (id) DO UPDATE SET name_ko = EXCLUDED.name_ko, name_en = EXCLUDED.name_en, "
          + "interests = EXCLUDED.interests, bio_ko = EXCLUDED.bio_ko, bio_en = EXCLUDED.bio_en, "
          + "embedding = COALESCE(EXCLUDED.embedding, users.embedding), "
          + "embedding_model = COALESCE(EXCLUDED.embedding_model, users.embedding_model)";
  static final String UPSERT_PRODUCT =
      "INSERT INTO products (id, category, name_ko, name_en, price, description_ko, description_en, "
          + "tags, embedding, embedding_model) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::vector, $10) "
          + "ON CONFLICT (id) DO UPDATE SET category = EXCLUDED.category, name_ko = EXCLUDED.name_ko, "
          + "name_en = EXCLUDED.name_en, price = EXCLUDED.price, "
          + "description_ko = EXCLUDED.description_ko, description_en = EXCLUDED.description_en, "
          + "tags = EXCLUDED.tags, embedding = COALESCE(EXCLUDED.embedding, products.embedding), "
          + "embedding_model = COALESCE(EXCLUDED.embedding_model, products.embedding_model)";
  static final String UPSERT_CAMPAIGN =
      "INSERT INTO campaigns (id, product_id, category, advertiser, title_ko, title_en, body_ko, "
          + "body_en, target_interests, bid, active, starts_at, ends_at, daily_budget, frequency_cap, "
          + "embedding, embedding_model) "
          + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::vector, $17) "
          + "ON CONFLICT (id) DO UPDATE SET product_id = EXCLUDED.product_id, "
          + "category = EXCLUDED.category, advertiser = EXCLUDED.advertiser, "
          + "title_ko = EXCLUDED.title_ko, title_en = EXCLUDED.title_en, body_ko = EXCLUDED.body_ko, "
          + "body_en = EXCLUDED.body_en, target_interests = EXCLUDED.target_interests, "
          + "bid = EXCLUDED.bid, active = EXCLUDED.active, starts_at = EXCLUDED.starts_at, "
          + "ends_at = EXCLUDED.ends_at, daily_budget = EXCLUDED.daily_budget, "
          + "frequency_cap = EXCLUDED.frequency_cap, "
          + "embedding = COALESCE(EXCLUDED.embedding, campaigns.embedding), "
          + "embedding_model = COALESCE(EXCLUDED.embedding_model, campaigns.embedding_model)";
  static final String UPSERT_CONTENT =
      "INSERT INTO contents (id, author_id, category, product_id, title_ko, title_en, body_ko, "
          + "body_en, tags, created_at, embedding, embedding_model) "
          + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::vector, $12) "
          + "ON CONFLICT (id) DO UPDATE SET author_id = EXCLUDED.author_id, "
          + "category = EXCLUDED.category, product_id = EXCLUDED.product_id, "
          + "title_ko = EXCLUDED.title_ko, title_en = EXCLUDED.title_en, body_ko = EXCLUDED.body_ko, "
          + "body_en = EXCLUDED.body_en, tags = EXCLUDED.tags, created_at = EXCLUDED.created_at, "
          + "embedding = COALESCE(EXCLUDED.embedding, contents.embedding), "
          + "embedding_model = COALESCE(EXCLUDED.embedding_model, contents.embedding_model)";

  static final String SELECT_CATEGORIES =
      "SELECT key, name_ko, name_en, color FROM categories ORDER BY key";
  static final String SELECT_USER =
      "SELECT id, name_ko, name_en, interests, bio_ko, bio_en FROM users WHERE id = $1";
  static final String SELECT_USERS =
      "SELECT id, name_ko, name_en, interests, bio_ko, bio_en FROM users WHERE id = ANY($1)";
  static final String SELECT_PRODUCTS =
      "SELECT id, category, name_ko, name_en, price, description_ko, description_en, tags "
          + "FROM products WHERE id = ANY($1)";
  static final String SELECT_CAMPAIGNS =
      "SELECT id, product_id, category, advertiser, title_ko, title_en, body_ko, body_en, "
          + "target_interests, bid, active, starts_at, ends_at, daily_budget, frequency_cap "
          + "FROM campaigns WHERE id = ANY($1)";
  static final String SELECT_CONTENTS =
      "SELECT id, author_id, category, product_id, title_ko, title_en, body_ko, body_en, tags, "
          + "created_at FROM contents WHERE id = ANY($1)";
  static final String COUNT_CAMPAIGNS = "SELECT count(*) FROM campaigns";
  static final String SELECT_PRODUCTS_AFTER =
      "SELECT id, category, name_ko, name_en, price, description_ko, description_en, tags "
          + "FROM products WHERE id > $1 ORDER BY id LIMIT $2";
  static final String SELECT_CAMPAIGNS_AFTER =
      "SELECT id, product_id, category, advertiser, title_ko, title_en, body_ko, body_en, "
          + "target_interests, bid, active, starts_at, ends_at, daily_budget, frequency_cap "
          + "FROM campaigns WHERE id > $1 ORDER BY id LIMIT $2";
  static final String SELECT_CONTENTS_AFTER =
      "SELECT id, author_id, category, product_id, title_ko, title_en, body_ko, body_en, tags, "
          + "created_at FROM contents WHERE id > $1 ORDER BY id LIMIT $2";

  /**
   * Changes whenever a catalogue row is inserted, updated or deleted: the row count, and the newest
   * row version (every write gives its row a new xmin). One sequential pass over each table.
   */
  static final String CATALOG_VERSION =
      "SELECT (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM products)"
          + " || '/' || (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM campaigns)"
          + " || '/' || (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM contents)";

  static final String SELECT_USER_IDS = "SELECT id FROM users WHERE id > $1 ORDER BY id LIMIT $2";
  static final String SELECT_KINDS =
      "SELECT id, 'USER' FROM users WHERE id = ANY($1) "
          + "UNION ALL SELECT id, 'PRODUCT' FROM products WHERE id = ANY($1) "
          + "UNION ALL SELECT id, 'CAMPAIGN' FROM campaigns WHERE id = ANY($1) "
          + "UNION ALL SELECT id, 'CONTENT' FROM contents WHERE id = ANY($1)";

  // Vectors.
  static String updateEmbedding(ItemType type) {
    return "UPDATE "
        + table(type)
        + " SET embedding = $2::vector, embedding_model = $3 WHERE id = $1";
  }

  /** Nearest neighbours by cosine distance; $1 vector, $2 limit, then the filters that apply. */
  static String search(ItemType type, boolean byCategory, boolean liveOnly) {
    StringBuilder sql =
        new StringBuilder("SELECT id, 1 - (embedding <=> $1::vector) AS similarity FROM ")
            .append(table(type))
            .append(" WHERE embedding IS NOT NULL");
    int next = 3;
    if (byCategory) {
      sql.append(" AND category = $").append(next++);
    }
    if (liveOnly && type == ItemType.CAMPAIGN) {
      sql.append(" AND active AND starts_at <= $")
          .append(next)
          .append(" AND ends_at > $")
          .append(next);
    }
    return sql.append(" ORDER BY embedding <=> $1::vector LIMIT $2").toString();
  }

  /** Vectors come back as real[], which the client decodes in binary (text would be parsed). */
  static final String SELECT_VECTORS =
      "SELECT id, embedding::real[] FROM users WHERE id = ANY($1) AND embedding IS NOT NULL "
          + "UNION ALL SELECT id, embedding::real[] FROM products WHERE id = ANY($1) AND embedding IS NOT NULL "
          + "UNION ALL SELECT id, embedding::real[] FROM campaigns WHERE id = ANY($1) AND embedding IS NOT NULL "
          + "UNION ALL SELECT id, embedding::real[] FROM contents WHERE id = ANY($1) AND embedding IS NOT NULL";

  static String selectVectors(ItemType type) {
    return "SELECT id, embedding::real[] FROM "
        + table(type)
        + " WHERE id = ANY($1) AND embedding IS NOT NULL";
  }

  static String countVectors(ItemType type) {
    return "SELECT count(*) FROM " + table(type) + " WHERE embedding IS NOT NULL";
  }

  static String storedModels(ItemType type) {
    return "SELECT embedding_model, coalesce(vector_dims(embedding), 0), count(*) FROM "
        + table(type)
        + " GROUP BY 1, 2 ORDER BY 1, 2";
  }

  static String staleEmbeddings(ItemType type) {
    return "SELECT id FROM "
        + table(type)
        + " WHERE id > $2 AND (embedding IS NULL OR embedding_model IS DISTINCT FROM $1)"
        + " ORDER BY id LIMIT $3";
  }

  static String flagForReembedding(ItemType type) {
    return "UPDATE " + table(type) + " SET embedding_model = NULL";
  }

  // Graph.
  static final String INSERT_EDGE =
      "INSERT INTO edges (from_id, type, to_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
  static final String DELETE_EDGE =
      "DELETE FROM edges WHERE from_id = $1 AND type = $2 AND to_id = $3";
  static final String SELECT_TARGETS =
      "SELECT to_id FROM edges WHERE from_id = $1 AND type = $2 ORDER BY seq";
  static final String COUNT_EDGES = "SELECT count(*) FROM edges";

  /**
   * The similar-users query on its own ({@link FeedSql#build} runs the same inside the build): $1
   * user, $2 follows, $3 recent likes, $4 likers per like, $5 followed peers, $6 likes per peer.
   */
  static final String SELECT_SIGNALS =
      "WITH own AS (SELECT to_id, seq FROM edges WHERE from_id = $1 AND type = 'LIKES'"
          + " ORDER BY seq DESC LIMIT $3), "
          + "peers AS ("
          + " (SELECT to_id AS id FROM edges WHERE from_id = $1 AND type = 'FOLLOWS' ORDER BY seq DESC LIMIT $5)"
          + " UNION"
          + " (SELECT l.from_id FROM own o CROSS JOIN LATERAL ("
          + "  SELECT e.from_id FROM edges e WHERE e.to_id = o.to_id AND e.type = 'LIKES' AND e.from_id <> $1"
          + "  ORDER BY e.seq DESC LIMIT $4) l)), "
          + "peer_likes AS ("
          + " SELECT pl.to_id, count(*)::int AS n FROM peers p CROSS JOIN LATERAL ("
          + "  SELECT e.to_id FROM edges e WHERE e.from_id = p.id AND e.type = 'LIKES'"
          + "  ORDER BY e.seq DESC LIMIT $6) pl WHERE p.id <> $1 GROUP BY pl.to_id) "
          + "SELECT ARRAY(SELECT to_id FROM edges WHERE from_id = $1 AND type = 'FOLLOWS'"
          + " ORDER BY seq DESC LIMIT $2) AS follows,"
          + " ARRAY(SELECT to_id FROM own ORDER BY seq DESC) AS likes,"
          + " ARRAY(SELECT to_id FROM peer_likes ORDER BY to_id) AS liked,"
          + " ARRAY(SELECT n FROM peer_likes ORDER BY to_id) AS counts";

  // Generated posts.
  static final String INSERT_POST =
      "INSERT INTO generated_posts (id, user_id, created_at, document, published)"
          + " VALUES ($1, $2, $3, $4, $5)";
  static final String SELECT_POST =
      "SELECT id, user_id, created_at, document, published FROM generated_posts WHERE id = $1";

  /** $1 post ids: those that are published. */
  static final String SELECT_PUBLISHED_AMONG =
      "SELECT id FROM generated_posts WHERE id = ANY($1) AND published";

  static final String COUNT_POSTS = "SELECT count(*) FROM generated_posts";

  /** Retention, a bounded batch per statement: $1 cutoff or rows kept, $2 batch. */
  static final String TRIM_OLD_POSTS =
      "DELETE FROM generated_posts WHERE id IN (SELECT id FROM generated_posts "
          + "WHERE created_at < $1 ORDER BY created_at LIMIT $2)";

  static final String TRIM_EXTRA_POSTS =
      "DELETE FROM generated_posts WHERE id IN (SELECT id FROM generated_posts "
          + "ORDER BY created_at DESC OFFSET $1 LIMIT $2)";

  // Generated pictures shared by every instance.
  static final String INSERT_MEDIA =
      "INSERT INTO media (name, content_type, bytes) VALUES ($1, $2, $3)";
  static final String SELECT_MEDIA = "SELECT bytes FROM media WHERE name = $1";
  static final String CHECK_MEDIA_TABLE = "SELECT 1 FROM media LIMIT 1";
  static final String TRIM_OLD_MEDIA =
      "DELETE FROM media WHERE name IN (SELECT name FROM media "
          + "WHERE created_at < $1 ORDER BY created_at LIMIT $2)";
  static final String TRIM_EXTRA_MEDIA =
      "DELETE FROM media WHERE name IN (SELECT name FROM media "
          + "ORDER BY created_at DESC OFFSET $1 LIMIT $2)";

  // Schema and seeding.
  static final String CREATE_MIGRATIONS_TABLE =
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
          + "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";
  static final String APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations";
  static final String RECORD_MIGRATION =
      "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)";
  static final String ADVISORY_TRY_LOCK = "SELECT pg_try_advisory_lock($1)";
  static final String NO_STATEMENT_TIMEOUT = "SET LOCAL statement_timeout = 0";
  static final String ADVISORY_UNLOCK = "SELECT pg_advisory_unlock($1)";
  static final String SET_SEARCH_OPTIONS =
      "SET client_min_messages = warning; SET plan_cache_mode = force_custom_plan; "
          + "SET random_page_cost = 1.1; "
          + "SET hnsw.ef_search = %d; "
          + "SET hnsw.iterative_scan = strict_order";
}
