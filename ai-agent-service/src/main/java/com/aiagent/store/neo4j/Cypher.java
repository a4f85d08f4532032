package com.aiagent.store.neo4j;

import com.aiagent.store.EdgeType;
import java.util.List;

/**
 * Every Cypher statement of the graph store. Users, contents, products and campaigns are nodes
 * labelled by kind and keyed by {@code id} (unique); an edge is a relationship named after its
 * {@link EdgeType}, whose {@code seq} orders a node's edges as they were added.
 */
final class Cypher {
  private Cypher() {}

  /** One constraint per label: unique ids, and the index every lookup by id uses. */
  static final List<String> SCHEMA =
      List.of(
          "CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT content_id IF NOT EXISTS FOR (n:Content) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE",
          "CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (n:Campaign) REQUIRE n.id IS UNIQUE");

  /** The label of the node an edge of {@code type} points at. */
  static String targetLabel(EdgeType type) {
    return switch (type) {
      case FOLLOWS -> "User";
      case LIKES -> "Content";
      case VIEWS, PURCHASES -> "Product";
      case CLICKS -> "Campaign";
    };
  }

  /** $edges: maps {from, to, seq}; an edge that exists keeps its seq. */
  static String addEdges(EdgeType type) {
    return "UNWIND $edges AS e MERGE (a:User {id: e.from}) MERGE (b:"
        + targetLabel(type)
        + " {id: e.to}) MERGE (a)-[r:"
        + type.name()
        + "]->(b) ON CREATE SET r.seq = e.seq";
  }

  /** $edges: maps {from, to}. */
  static String removeEdges(EdgeType type) {
    return "UNWIND $edges AS e MATCH (:User {id: e.from})-[r:"
        + type.name()
        + "]->(:"
        + targetLabel(type)
        + " {id: e.to}) DELETE r";
  }

  /** $user. */
  static String targets(EdgeType type) {
    return "MATCH (:User {id: $user})-[r:"
        + type.name()
        + "]->(t:"
        + targetLabel(type)
        + ") RETURN t.id AS id ORDER BY r.seq";
  }

  static final String COUNT = "MATCH ()-[r]->() RETURN count(r) AS n";

  static final String PING = "RETURN 1 AS ok";

  /**
   * The similar-users query, one row: $user, $follows, $recentLikes, $likersPerLike,
   * $followedPeers, $peerLikes (the bounds of {@code GraphSignals.Bounds}). Every step reads the
   * newest edges of one node up to its bound, as the PostgreSQL statement does.
   */
  static final String SIGNALS =
      """
      OPTIONAL MATCH (u:User {id: $user})
      CALL (u) {
        MATCH (u)-[r:FOLLOWS]->(f:User)
        WITH f, r ORDER BY r.seq DESC LIMIT $follows
        RETURN collect(f.id) AS follows
      }
      CALL (u) {
        MATCH (u)-[r:LIKES]->(c:Content)
        WITH c, r ORDER BY r.seq DESC LIMIT $recentLikes
        RETURN collect(c) AS own
      }
      CALL (u) {
        MATCH (u)-[r:FOLLOWS]->(f:User)
        WITH f, r ORDER BY r.seq DESC LIMIT $followedPeers
        RETURN collect(f) AS followed
      }
      CALL (u, own) {
        UNWIND own AS c
        CALL (u, c) {
          MATCH (c)<-[r:LIKES]-(p:User) WHERE p <> u
          WITH p, r ORDER BY r.seq DESC LIMIT $likersPerLike
          RETURN p
        }
        RETURN collect(p) AS likers
      }
      CALL (u, followed, likers) {
        UNWIND followed + likers AS p
        WITH DISTINCT p WHERE p <> u
        CALL (p) {
          MATCH (p)-[r:LIKES]->(c:Content)
          WITH c, r ORDER BY r.seq DESC LIMIT $peerLikes
          RETURN c.id AS liked
        }
        WITH liked, count(*) AS n
        RETURN collect([liked, n]) AS peerLikes
      }
      RETURN follows, [c IN own | c.id] AS likes, peerLikes
      """;
}
