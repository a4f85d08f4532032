package com.aiagent.store;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the feed reads: each user's candidates and their live state, candidates built afresh, and
 * the texts of one page. Built so that a first page is one read when candidates are stored, and one
 * build when they are not; no call grows with the graph around a user.
 */
public interface FeedStore {
  /** The user's interests, stored candidates (if any) and their live state; empty if unknown. */
  Future<Optional<FeedState>> state(String userId, LocalDate day);

  /**
   * Builds the user's candidates now from their taste vector and the graph, stores them unless
   * {@code spec.store()} is false, and answers them with their live state; empty if unknown.
   */
  Future<Optional<FeedState>> build(String userId, CandidateSpec spec);

  /** The texts of the given contents and campaigns, leaving out any the user hid. */
  Future<Map<String, ItemText>> texts(String userId, List<String> ids);

  /**
   * The published AI-generated posts of authors {@code userId} follows that {@code query} admits,
   * newest first (created_at, then id, descending), less the ones the user hid: read at page time
   * (fan-out on read), so a post shows on its author's followers' next page without touching any
   * cached ranking. One indexed probe per followed author, at most {@code query.maxAuthors()}.
   */
  Future<List<FollowedPost>> followedPosts(String userId, FollowedPostsQuery query);

  /** Forgets the user's stored candidates, so the next feed builds them again. */
  Future<Void> dropCandidates(String userId);

  /** Succeeds when the store answers: the feed's cheap health probe. */
  Future<Void> ping();

  /**
   * For health details: what the store reads apart from its own database (a graph of its own) and
   * whether that answers; never fails, since the feed answers without it. Empty when none.
   */
  default Future<Map<String, Object>> dependencies() {
    return Future.succeededFuture(Map.of());
  }
}
