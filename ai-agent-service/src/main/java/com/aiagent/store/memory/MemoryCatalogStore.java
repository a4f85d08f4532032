package com.aiagent.store.memory;

import com.aiagent.store.Campaign;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.Category;
import com.aiagent.store.Content;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/** The catalog in concurrent maps; categories keep their insertion order by key. */
public final class MemoryCatalogStore implements CatalogStore {
  private final Map<String, Category> categories = new ConcurrentSkipListMap<>();
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, Product> products = new ConcurrentHashMap<>();
  private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();
  private final Map<String, Content> contents = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong catalogWrites =
      new java.util.concurrent.atomic.AtomicLong();

  @Override
  public Future<Void> putCategories(List<Category> values) {
    return put(categories, values, Category::key);
  }

  @Override
  public Future<Void> putUsers(List<User> values) {
    return put(users, values, User::id);
  }

  @Override
  public Future<Void> putProducts(List<Product> values) {
    catalogWrites.incrementAndGet();
    return put(products, values, Product::id);
  }

  @Override
  public Future<Void> putCampaigns(List<Campaign> values) {
    catalogWrites.incrementAndGet();
    return put(campaigns, values, Campaign::id);
  }

  @Override
  public Future<Void> putContents(List<Content> values) {
    catalogWrites.incrementAndGet();
    return put(contents, values, Content::id);
  }

  @Override
  public Future<List<Category>> categories() {
    return Future.succeededFuture(List.copyOf(categories.values()));
  }

  @Override
  public Future<Optional<User>> user(String id) {
    return Future.succeededFuture(Optional.ofNullable(users.get(id)));
  }

  @Override
  public Future<List<User>> users(List<String> ids) {
    return Future.succeededFuture(pick(users, ids));
  }

  @Override
  public Future<List<Product>> products(List<String> ids) {
    return Future.succeededFuture(pick(products, ids));
  }

  @Override
  public Future<List<Campaign>> campaigns(List<String> ids) {
    return Future.succeededFuture(pick(campaigns, ids));
  }

  @Override
  public Future<List<Content>> contents(List<String> ids) {
    return Future.succeededFuture(pick(contents, ids));
  }

  @Override
  public Future<Long> campaignCount() {
    return Future.succeededFuture((long) campaigns.size());
  }

  @Override
  public Future<List<String>> userIds(String after, int limit) {
    return Future.succeededFuture(
        users.keySet().stream()
            .filter(id -> after == null || id.compareTo(after) > 0)
            .sorted()
            .limit(limit)
            .toList());
  }

  @Override
  public Future<List<Product>> productsAfter(String after, int limit) {
    return Future.succeededFuture(after(products, after, limit));
  }

  @Override
  public Future<List<Campaign>> campaignsAfter(String after, int limit) {
    return Future.succeededFuture(after(campaigns, after, limit));
  }

  @Override
  public Future<List<Content>> contentsAfter(String after, int limit) {
    return Future.succeededFuture(after(contents, after, limit));
  }

  @Override
  public Future<String> catalogVersion() {
    return Future.succeededFuture(Long.toString(catalogWrites.get()));
  }

  private static <T> List<T> after(Map<String, T> map, String after, int limit) {
    return map.keySet().stream()
        .filter(id -> after == null || id.compareTo(after) > 0)
        .sorted()
        .limit(limit)
        .map(map::get)
        .filter(Objects::nonNull)
        .toList();
  }

  @Override
  public Future<Map<String, ItemType>> kinds(List<String> ids) {
    Map<String, ItemType> kinds = new java.util.LinkedHashMap<>();
    for (String id : ids) {
      if (users.containsKey(id)) {
        kinds.put(id, ItemType.USER);
      } else if (products.containsKey(id)) {
        kinds.put(id, ItemType.PRODUCT);
      } else if (campaigns.containsKey(id)) {
        kinds.put(id, ItemType.CAMPAIGN);
      } else if (contents.containsKey(id)) {
        kinds.put(id, ItemType.CONTENT);
      }
    }
    return Future.succeededFuture(kinds);
  }

  /** Direct reads for the in-memory feed store: the row of {@code id}, or null. */
  Content contentById(String id) {
    return contents.get(id);
  }

  Campaign campaignById(String id) {
    return campaigns.get(id);
  }

  User userById(String id) {
    return users.get(id);
  }

  /** Every content, for the in-memory feed store's author filter. */
  java.util.Collection<Content> allContents() {
    return contents.values();
  }

  private static <T> Future<Void> put(Map<String, T> map, List<T> values, Function<T, String> key) {
    for (T value : values) {
      map.put(key.apply(value), value);
    }
    return Future.succeededFuture();
  }

  private static <T> List<T> pick(Map<String, T> map, List<String> ids) {
    return ids.stream().map(map::get).filter(Objects::nonNull).toList();
  }
}
