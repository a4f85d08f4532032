package com.aiagent.store.pg;

/**
 * Every statement of the feed store. A first page is {@link #STATE} then {@link #TEXTS} when the
 * user's candidates are stored, and {@link #build} then {@link #TEXTS} when they are not: each
 * statement is bounded by the feed's configuration, never by the graph around the user.
 */
final class FeedSql {
  private FeedSql() {}

  /**
   * The live state of a user's candidates, {@code $1} the user and {@code dayParam} the delivery
   * day: impressions of the candidate contents {@code contentIds} and today's spend of the
   * candidate campaigns {@code adIds}, probed by key; and which candidates the user hid and today's
   * impressions per candidate campaign, read as the user's own short key ranges and filtered with
   * {@code <@} (a filter, not 120 index probes).
   */
  private static String live(String contentIds, String adIds, int dayParam) {
    return "ARRAY(SELECT h.item_id FROM hidden_items h WHERE h.user_id = $1 AND ARRAY[h.item_id] <@ ("
        + contentIds
        + " || "
        + adIds
        + ")) AS hidden, "
        + "(SELECT jsonb_object_agg(s.item_id, s.impressions) FROM seen_items s "
        + "WHERE s.user_id = $1 AND s.item_id = ANY("
        + contentIds
        + ")) AS seen, "
        + "(SELECT jsonb_object_agg(f.campaign_id, f.impressions) FROM ad_frequency f "
        + "WHERE f.user_id = $1 AND f.day = $"
        + dayParam
        + " AND ARRAY[f.campaign_id] <@ "
        + adIds
        + ") AS frequency, "
        + "(SELECT jsonb_object_agg(d.campaign_id, d.spend) FROM ad_delivery d "
        + "WHERE d.day = $"
        + dayParam
        + " AND d.campaign_id = ANY("
        + adIds
        + ")) AS spend";
  }

  /**
   * A stored list's instants are epoch milliseconds and its similarities have six decimals: a list
   * is decoded on every uncached page, and ISO timestamps and 17-digit doubles made that decoding
   * most of the service's CPU per page at 100,000 users.
   */
  private static final String EPOCH_MS = "(extract(epoch FROM %s) * 1000)::bigint";

  /** $1 user, $2 day: the user, their stored candidates (or nulls) and the live state. */
  static final String STATE =
      "SELECT u.interests, fc.built_at, fc.document::text AS document, "
          + live("fc.content_ids", "fc.ad_ids", 2)
          + " FROM users u LEFT JOIN feed_candidates fc ON fc.user_id = u.id WHERE u.id = $1";

  /**
   * Builds a user's candidates in one statement: $1 user, $2 as of, $3 content pool, $4 ad pool, $5
   * recent likes, $6 likers per like, $7 followed peers, $8 likes per peer, $9 day. Contents and
   * campaigns come from the HNSW indexes by the taste vector (the profile embedding until events
   * move it); the similar users are the followed ones and the newest co-likers of the newest likes,
   * each bounded; with {@code store} the result replaces the stored candidates in the same
   * statement. Answers the same columns as {@link #STATE}.
   */
  static String build(boolean store) {
    return build(store, false);
  }

  /**
   * With {@code signalsGiven} the graph is elsewhere (Neo4j) and its signals come in as arrays in
   * place of the four bounds: $5 the user's newest follows, $6 their newest likes, $7 the contents
   * similar users liked and $8 how many of them liked each.
   */
  static String build(boolean store, boolean signalsGiven) {
    String own =
        signalsGiven
            ? "own AS ("
                + " SELECT c.id AS to_id, c.embedding FROM unnest($6::text[]) AS l(id) JOIN contents c ON c.id = l.id), "
            : "own AS ("
                + " SELECT e.to_id, c.embedding FROM edges e JOIN contents c ON c.id = e.to_id"
                + " WHERE e.from_id = $1 AND e.type = 'LIKES' ORDER BY e.seq DESC LIMIT $5), ";
    String peerLikes =
        signalsGiven
            ? "peer_likes AS MATERIALIZED ("
                + " SELECT pl.to_id, pl.n FROM unnest($7::text[], $8::int[]) AS pl(to_id, n)), "
            : "peers AS ("
                + " (SELECT to_id AS id FROM edges WHERE from_id = $1 AND type = 'FOLLOWS' ORDER BY seq DESC LIMIT $7)"
                + " UNION"
                + " (SELECT l.from_id FROM own o CROSS JOIN LATERAL ("
                + "  SELECT e.from_id FROM edges e WHERE e.to_id = o.to_id AND e.type = 'LIKES' AND e.from_id <> $1"
                + "  ORDER BY e.seq DESC LIMIT $6) l)), "
                + "peer_likes AS MATERIALIZED ("
                + " SELECT pl.to_id, count(*) AS n FROM peers p CROSS JOIN LATERAL ("
                + "  SELECT e.to_id FROM edges e WHERE e.from_id = p.id AND e.type = 'LIKES'"
                + "  ORDER BY e.seq DESC LIMIT $8) pl GROUP BY pl.to_id), ";
    String followed =
        signalsGiven
            ? " p.author_id = ANY($5::text[]) AS followed,"
            : " EXISTS (SELECT 1 FROM edges f WHERE f.from_id = $1 AND f.type = 'FOLLOWS' AND f.to_id = p.author_id) AS followed,";
    return "WITH u AS (SELECT id, interests, COALESCE(taste, embedding) AS taste FROM users WHERE id = $1), "
        + "pool AS ("
        + " SELECT c.id, c.author_id, c.category, c.product_id, c.created_at, c.embedding,"
        + " 1 - (c.embedding <=> (SELECT taste FROM u)) AS similarity FROM contents c"
        + " WHERE (SELECT taste FROM u) IS NOT NULL AND c.embedding IS NOT NULL"
        + " AND c.author_id <> $1 AND c.created_at <= $2"
        + " ORDER BY c.embedding <=> (SELECT taste FROM u) LIMIT $3), "
        + "ads AS ("
        + " SELECT c.id, c.product_id, c.category, c.advertiser, c.bid, c.starts_at, c.ends_at,"
        + " c.daily_budget, c.frequency_cap, 1 - (c.embedding <=> (SELECT taste FROM u)) AS similarity"
        + " FROM campaigns c WHERE (SELECT taste FROM u) IS NOT NULL AND c.embedding IS NOT NULL"
        + " AND c.active AND c.starts_at <= $2 AND c.ends_at > $2"
        + " AND c.target_interests && (SELECT interests FROM u)"
        + " ORDER BY c.embedding <=> (SELECT taste FROM u) LIMIT $4), "
        + own
        + peerLikes
        + "scored AS ("
        + " SELECT p.id, p.author_id, p.category, p.product_id, p.created_at, p.similarity,"
        + followed
        + " COALESCE((SELECT pl.n FROM peer_likes pl WHERE pl.to_id = p.id), 0) AS social,"
        + " (SELECT max(1 - (p.embedding <=> o.embedding)) FROM own o WHERE o.to_id <> p.id) AS liked_similarity"
        + " FROM pool p), "
        + "built AS ("
        + " SELECT ARRAY(SELECT id FROM scored) AS content_ids, ARRAY(SELECT id FROM ads) AS ad_ids,"
        + " jsonb_build_object("
        + "  'contents', COALESCE((SELECT jsonb_agg(jsonb_build_array(id, author_id, category, product_id,"
        + "   "
        + EPOCH_MS.formatted("created_at")
        + ", round(similarity::numeric, 6), followed, social, round(liked_similarity::numeric, 6))"
        + "   ORDER BY similarity DESC, id) FROM scored), '[]'::jsonb),"
        + "  'ads', COALESCE((SELECT jsonb_agg(jsonb_build_array(id, product_id, category, advertiser, bid,"
        + "   "
        + EPOCH_MS.formatted("starts_at")
        + ", "
        + EPOCH_MS.formatted("ends_at")
        + ", daily_budget, frequency_cap, round(similarity::numeric, 6))"
        + "   ORDER BY similarity DESC, id) FROM ads), '[]'::jsonb)"
        + " ) AS document FROM u)"
        + (store
            ? ", saved AS (INSERT INTO feed_candidates (user_id, built_at, content_ids, ad_ids, document)"
                + " SELECT $1, $2, content_ids, ad_ids, document::json FROM built ON CONFLICT (user_id) DO UPDATE"
                + " SET built_at = EXCLUDED.built_at, content_ids = EXCLUDED.content_ids,"
                + " ad_ids = EXCLUDED.ad_ids, document = EXCLUDED.document)"
            : "")
        + " SELECT u.interests, $2::timestamptz AS built_at, b.document::text AS document, "
        + live("b.content_ids", "b.ad_ids", 9)
        + " FROM u, built b";
  }

  /** $1 user, $2 ids: the texts of one page's contents and campaigns, less what the user hid. */
  static final String TEXTS =
      "SELECT c.id, c.title_ko, c.title_en, c.body_ko, c.body_en FROM contents c WHERE c.id = ANY($2)"
          + " AND NOT EXISTS (SELECT 1 FROM hidden_items h WHERE h.user_id = $1 AND h.item_id = c.id)"
          + " UNION ALL"
          + " SELECT c.id, c.title_ko, c.title_en, c.body_ko, c.body_en FROM campaigns c WHERE c.id = ANY($2)"
          + " AND NOT EXISTS (SELECT 1 FROM hidden_items h WHERE h.user_id = $1 AND h.item_id = c.id)";

  /**
   * The published posts of followed authors for one page, newest first: $1 reader, $2 followed
   * authors looked at (the newest follows), $3 made after, $4 up to, $5 the last post id already
   * shown at $4 (null: none), $6 limit. One probe of {@code generated_posts_published_idx} per
   * author (migration 006) that reads keys only (an index-only scan once vacuumed); the documents
   * of the $6 posts kept are read last. Less what the reader hid; with the best similarity of the
   * post's products to the reader's taste and how often it was shown to them.
   */
  static final String FOLLOWED_POSTS = followedPosts(false);

  /** As {@link #FOLLOWED_POSTS}, with $2 the followed authors themselves (a graph elsewhere). */
  static final String FOLLOWED_POSTS_OF = followedPosts(true);

  private static String followedPosts(boolean authorsGiven) {
    return "WITH u AS (SELECT COALESCE(taste, embedding) AS taste FROM users WHERE id = $1), "
        + (authorsGiven
            ? "f AS (SELECT a.to_id FROM unnest($2::text[]) AS a(to_id)), "
            : "f AS (SELECT to_id FROM edges WHERE from_id = $1 AND type = 'FOLLOWS'"
                + " ORDER BY seq DESC LIMIT $2), ")
        + "p AS (SELECT q.id, q.created_at FROM f CROSS JOIN LATERAL ("
        + " SELECT g.id, g.created_at FROM generated_posts g"
        + " WHERE g.user_id = f.to_id AND g.published AND g.created_at > $3"
        + " AND (g.created_at < $4 OR (g.created_at = $4 AND ($5::uuid IS NULL OR g.id < $5::uuid)))"
        + " AND NOT EXISTS (SELECT 1 FROM hidden_items h WHERE h.user_id = $1 AND h.item_id = g.id::text)"
        + " ORDER BY g.created_at DESC, g.id DESC LIMIT $6) q"
        + " ORDER BY q.created_at DESC, q.id DESC LIMIT $6) "
        + "SELECT g.id, g.user_id, g.created_at, g.document,"
        + " (SELECT max(1 - (pr.embedding <=> u.taste)) FROM u, jsonb_array_elements(g.document -> 'products') x"
        + "  JOIN products pr ON pr.id = x ->> 'id') AS similarity,"
        + " (SELECT s.impressions FROM seen_items s WHERE s.user_id = $1 AND s.item_id = g.id::text) AS seen"
        + " FROM p JOIN generated_posts g ON g.id = p.id ORDER BY p.created_at DESC, p.id DESC";
  }

  static final String DROP_CANDIDATES = "DELETE FROM feed_candidates WHERE user_id = $1";

  /**
   * The session settings of the feed's own pool: HNSW searched at the feed's ef_search, with
   * relaxed iterative scans (the build sorts its candidates itself; strict order cost the filtered
   * campaign search 30 ms instead of 13 ms at 100,000 campaigns).
   */
  static final String SESSION =
      "SET client_min_messages = warning; SET plan_cache_mode = force_custom_plan; "
          + "SET random_page_cost = 1.1; SET hnsw.ef_search = %d; "
          + "SET hnsw.iterative_scan = relaxed_order";

  /**
   * The session settings of the feed's read pool ({@link #STATE}, {@link #TEXTS}): key lookups
   * whose plan does not depend on the values, so PostgreSQL may reuse a generic plan instead of
   * planning each page again (a third of the state statement's cost at 100,000 users); the build
   * must keep custom plans, whose generic plan loses the campaign index (0.6-1.1 s instead of 10
   * ms).
   */
  static final String READ_SESSION =
      "SET client_min_messages = warning; SET plan_cache_mode = auto; SET random_page_cost = 1.1";
}
