package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Users, products, campaigns, contents and categories. */
public interface CatalogStore {
  Future<Void> putCategories(List<Category> categories);

  Future<Void> putUsers(List<User> users);

  Future<Void> putProducts(List<Product> products);

  Future<Void> putCampaigns(List<Campaign> campaigns);

  Future<Void> putContents(List<Content> contents);

  Future<List<Category>> categories();

  Future<Optional<User>> user(String id);

  /** The users of the given ids that exist, in the order asked. */
  Future<List<User>> users(List<String> ids);

  /** The products of the given ids that exist, in the order asked. */
  Future<List<Product>> products(List<String> ids);

  /** The campaigns of the given ids that exist, in the order asked. */
  Future<List<Campaign>> campaigns(List<String> ids);

  /** The contents of the given ids that exist, in the order asked. */
  Future<List<Content>> contents(List<String> ids);

  Future<Long> campaignCount();

  /** Up to {@code limit} user ids after {@code after} (null: from the first), in id order. */
  Future<List<String>> userIds(String after, int limit);

  /** Up to {@code limit} products after id {@code after} (null: from the first), in id order. */
  Future<List<Product>> productsAfter(String after, int limit);

  /** Up to {@code limit} campaigns after id {@code after} (null: from the first), in id order. */
  Future<List<Campaign>> campaignsAfter(String after, int limit);

  /** Up to {@code limit} contents after id {@code after} (null: from the first), in id order. */
  Future<List<Content>> contentsAfter(String after, int limit);

  /**
   * A cheap token that changes whenever a product, campaign or content is written or removed, in
   * any process sharing the store: the lexical index compares it to know when to rebuild.
   */
  Future<String> catalogVersion();

  /**
   * What each of the given ids is (user, product, campaign or content); unknown ids are left out.
   */
  Future<java.util.Map<String, ItemType>> kinds(List<String> ids);
}
