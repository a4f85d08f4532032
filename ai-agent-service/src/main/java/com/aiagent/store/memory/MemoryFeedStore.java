package com.aiagent.store.memory;

import com.aiagent.store.Campaign;
import com.aiagent.store.CandidateSpec;
import com.aiagent.store.Content;
import com.aiagent.store.EdgeType;
import com.aiagent.store.FeedCandidates;
import com.aiagent.store.FeedState;
import com.aiagent.store.FeedStore;
import com.aiagent.store.FollowedPost;
import com.aiagent.store.FollowedPostsQuery;
import com.aiagent.store.ItemText;
import com.aiagent.store.ItemType;
import com.aiagent.store.StoredPost;
import com.aiagent.store.User;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorMath;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feed's reads over the in-memory stores: the same candidates the PostgreSQL statement builds
 * (nearest contents and live, targeted campaigns by taste; followed authors; likes of a bounded set
 * of similar users; similarity to the newest likes), computed in Java, and kept per user.
 */
public final class MemoryFeedStore implements FeedStore {
  private final MemoryCatalogStore catalog;
  private final MemoryVectorStore vectors;
  private final MemoryGraphStore graph;
  private final MemoryActivity activity;
  private final MemoryPostStore posts;
  private final Map<String, FeedCandidates> stored = new ConcurrentHashMap<>();

  MemoryFeedStore(
      MemoryCatalogStore catalog,
      MemoryVectorStore vectors,
      MemoryGraphStore graph,
      MemoryActivity activity,
      MemoryPostStore posts) {
    this.catalog = catalog;
    this.vectors = vectors;
    this.graph = graph;
    this.activity = activity;
    this.posts = posts;
  }

  @Override
  public Future<Optional<FeedState>> state(String userId, LocalDate day) {
    User user = catalog.userById(userId);
    return Future.succeededFuture(
        Optional.ofNullable(user).map(u -> stateOf(u, stored.get(userId), day)));
  }

  @Override
  public Future<Optional<FeedState>> build(String userId, CandidateSpec spec) {
    User user = catalog.userById(userId);
    if (user == null) {
      return Future.succeededFuture(Optional.empty());
    }
    try {
      FeedCandidates candidates = candidates(user, spec);
      if (spec.store()) {
        stored.put(userId, candidates);
      }
      return Future.succeededFuture(Optional.of(stateOf(user, candidates, spec.day())));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<Map<String, ItemText>> texts(String userId, List<String> ids) {
    Map<String, ItemText> texts = new LinkedHashMap<>();
    for (String id : ids) {
      if (activity.isHidden(userId, id)) {
        continue;
      }
      Content content = catalog.contentById(id);
      if (content != null) {
        texts.put(
            id,
            new ItemText(content.titleKo(), content.titleEn(), content.bodyKo(), content.bodyEn()));
        continue;
      }
      Campaign campaign = catalog.campaignById(id);
      if (campaign != null) {
        texts.put(
            id,
            new ItemText(
                campaign.titleKo(), campaign.titleEn(), campaign.bodyKo(), campaign.bodyEn()));
      }
    }
    return Future.succeededFuture(texts);
  }

  @Override
  public Future<List<FollowedPost>> followedPosts(String userId, FollowedPostsQuery query) {
    List<StoredPost> found = new ArrayList<>();
    for (String author : graph.newestTargets(userId, EdgeType.FOLLOWS, query.maxAuthors())) {
      found.addAll(posts.publishedBy(author, query, p -> !activity.isHidden(userId, p.id())));
    }
    found.sort(MemoryPostStore.NEWEST_FIRST);
    List<StoredPost> page = found.subList(0, Math.min(query.limit(), found.size()));
    if (page.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    float[] taste = activity.taste(userId);
    if (taste == null) {
      taste = vectors.vectorsNow(List.of(userId)).get(userId);
    }
    Set<String> ids = new HashSet<>();
    List<String> productIds = new ArrayList<>();
    for (StoredPost post : page) {
      ids.add(post.id());
      productIds.addAll(FollowedPost.productIds(post.document()));
    }
    Map<String, float[]> productVectors = vectors.vectorsNow(productIds);
    Map<String, Integer> seen = activity.seen(userId, ids);
    List<FollowedPost> answer = new ArrayList<>(page.size());
    for (StoredPost post : page) {
      Double best = null;
      for (String product : FollowedPost.productIds(post.document())) {
        float[] vector = productVectors.get(product);
        if (taste != null && vector != null) {
          double cosine = VectorMath.dot(taste, vector);
          best = best == null ? cosine : Math.max(best, cosine);
        }
      }
      answer.add(FollowedPost.of(post, best == null ? 0 : best, seen.getOrDefault(post.id(), 0)));
    }
    return Future.succeededFuture(List.copyOf(answer));
  }

  @Override
  public Future<Void> dropCandidates(String userId) {
    forget(userId);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  void forget(String userId) {
    stored.remove(userId);
  }

  private FeedState stateOf(User user, FeedCandidates candidates, LocalDate day) {
    Set<String> contentIds = new HashSet<>();
    Set<String> adIds = new HashSet<>();
    if (candidates != null) {
      candidates.contents().forEach(c -> contentIds.add(c.id()));
      candidates.ads().forEach(a -> adIds.add(a.id()));
    }
    return new FeedState(
        user.id(),
        user.interests(),
        candidates,
        activity.hidden(user.id(), union(contentIds, adIds)),
        activity.seen(user.id(), contentIds),
        activity.frequency(user.id(), adIds, day),
        activity.spend(adIds, day));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private FeedCandidates candidates(User user, CandidateSpec spec) {
    float[] taste = activity.taste(user.id());
    if (taste == null) {
      taste = vectors.vectorsNow(List.of(user.id())).get(user.id());
    }
    if (taste == null) {
      return new FeedCandidates(spec.asOf(), List.of(), List.of());
    }
    List<VectorMatch> contentMatches =
        vectors.nearest(
            ItemType.CONTENT,
            taste,
            spec.contentPool(),
            entry -> {
              Content c = catalog.contentById(entry.id());
              return c != null
                  && !c.authorId().equals(user.id())
                  && !c.createdAt().isAfter(spec.asOf());
            });
    List<VectorMatch> adMatches =
        vectors.nearest(
            ItemType.CAMPAIGN,
            taste,
            spec.adPool(),
            entry -> {
              Campaign c = catalog.campaignById(entry.id());
              return c != null && c.liveAt(spec.asOf()) && c.targets(user.interests());
            });

    List<String> ownLikes =
        graph.newestTargets(user.id(), EdgeType.LIKES, Integer.MAX_VALUE).stream()
            .filter(id -> catalog.contentById(id) != null)
            .limit(spec.recentLikes())
            .toList();
    Set<String> peers =
        new LinkedHashSet<>(graph.newestTargets(user.id(), EdgeType.FOLLOWS, spec.followedPeers()));
    for (String liked : ownLikes) {
      graph.newestSources(liked, EdgeType.LIKES, spec.likersPerLike() + 1).stream()
          .filter(liker -> !liker.equals(user.id()))
          .limit(spec.likersPerLike())
          .forEach(peers::add);
    }
    peers.remove(user.id());
    Map<String, Integer> likedByPeers = new HashMap<>();
    for (String peer : peers) {
      for (String content : graph.newestTargets(peer, EdgeType.LIKES, spec.peerLikes())) {
        likedByPeers.merge(content, 1, Integer::sum);
      }
    }
    List<String> vectorIds = new ArrayList<>(ownLikes);
    contentMatches.forEach(m -> vectorIds.add(m.id()));
    Map<String, float[]> known = vectors.vectorsNow(vectorIds);

    List<FeedCandidates.ContentCandidate> contents = new ArrayList<>();
    for (VectorMatch match : contentMatches) {
      Content c = catalog.contentById(match.id());
      Double likedSimilarity = null;
      float[] own = known.get(c.id());
      for (String liked : ownLikes) {
        float[] likedVector = known.get(liked);
        if (!liked.equals(c.id()) && likedVector != null && own != null) {
          double cosine = VectorMath.dot(own, likedVector);
          likedSimilarity = likedSimilarity == null ? cosine : Math.max(likedSimilarity, cosine);
        }
      }
      contents.add(
          new FeedCandidates.ContentCandidate(
              c.id(),
              c.authorId(),
              c.category(),
              c.productId(),
              c.createdAt(),
              match.similarity(),
              graph.has(user.id(), EdgeType.FOLLOWS, c.authorId()),
              likedByPeers.getOrDefault(c.id(), 0),
              likedSimilarity));
    }
    List<FeedCandidates.AdCandidate> ads = new ArrayList<>();
    for (VectorMatch match : adMatches) {
      Campaign c = catalog.campaignById(match.id());
      ads.add(
          new FeedCandidates.AdCandidate(
              c.id(),
              c.productId(),
              c.category(),
              c.advertiser(),
              c.bid(),
              c.startsAt(),
              c.endsAt(),
              c.dailyBudget(),
              c.frequencyCap(),
              match.similarity()));
    }
    return new FeedCandidates(spec.asOf(), List.copyOf(contents), List.copyOf(ads));
  }
}
