package com.aiagent.store.pg;

import com.aiagent.store.Campaign;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.Category;
import com.aiagent.store.Content;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog in PostgreSQL; writes are upserts that leave stored embeddings alone. */
public final class PgCatalogStore implements CatalogStore {
  private final Pool pool;

  PgCatalogStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> putCategories(List<Category> categories) {
    return batch(
        SqlQueries.UPSERT_CATEGORY, categories.stream().map(PgRows::categoryParams).toList());
  }

  @Override
  public Future<Void> putUsers(List<User> users) {
    return batch(
        SqlQueries.UPSERT_USER, users.stream().map(u -> PgRows.userParams(u, null, null)).toList());
  }

  @Override
  public Future<Void> putProducts(List<Product> products) {
    return batch(
        SqlQueries.UPSERT_PRODUCT,
        products.stream().map(p -> PgRows.productParams(p, null, null)).toList());
  }

  @Override
  public Future<Void> putCampaigns(List<Campaign> campaigns) {
    return batch(
        SqlQueries.UPSERT_CAMPAIGN,
        campaigns.stream().map(c -> PgRows.campaignParams(c, null, null)).toList());
  }

  @Override
  public Future<Void> putContents(List<Content> contents) {
    return batch(
        SqlQueries.UPSERT_CONTENT,
        contents.stream().map(c -> PgRows.contentParams(c, null, null)).toList());
  }

  @Override
  public Future<List<Category>> categories() {
    return pool.query(SqlQueries.SELECT_CATEGORIES)
        .execute()
        .map(rows -> PgRows.list(rows, PgRows::category));
  }

  @Override
  public Future<Optional<User>> user(String id) {
    return pool.preparedQuery(SqlQueries.SELECT_USER)
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(PgRows.user(rows.iterator().next())));
  }

  @Override
  public Future<List<User>> users(List<String> ids) {
    return pool.preparedQuery(SqlQueries.SELECT_USERS)
        .execute(Tuple.of(PgRows.array(ids)))
        .map(rows -> PgRows.inOrder(rows, PgRows::user, User::id, ids));
  }

  @Override
  public Future<List<Product>> products(List<String> ids) {
    return pool.preparedQuery(SqlQueries.SELECT_PRODUCTS)
        .execute(Tuple.of(PgRows.array(ids)))
        .map(rows -> PgRows.inOrder(rows, PgRows::product, Product::id, ids));
  }

  @Override
  public Future<List<Campaign>> campaigns(List<String> ids) {
    return pool.preparedQuery(SqlQueries.SELECT_CAMPAIGNS)
        .execute(Tuple.of(PgRows.array(ids)))
        .map(rows -> PgRows.inOrder(rows, PgRows::campaign, Campaign::id, ids));
  }

  @Override
  public Future<List<Content>> contents(List<String> ids) {
    return pool.preparedQuery(SqlQueries.SELECT_CONTENTS)
        .execute(Tuple.of(PgRows.array(ids)))
        .map(rows -> PgRows.inOrder(rows, PgRows::content, Content::id, ids));
  }

  @Override
  public Future<Long> campaignCount() {
    return pool.query(SqlQueries.COUNT_CAMPAIGNS).execute().map(PgRows::count);
  }

  @Override
  public Future<List<String>> userIds(String after, int limit) {
    return pool.preparedQuery(SqlQueries.SELECT_USER_IDS)
        .execute(Tuple.of(after == null ? "" : after, limit))
        .map(rows -> PgRows.list(rows, r -> r.getString(0)));
  }

  @Override
  public Future<List<Product>> productsAfter(String after, int limit) {
    return pool.preparedQuery(SqlQueries.SELECT_PRODUCTS_AFTER)
        .execute(Tuple.of(after == null ? "" : after, limit))
        .map(rows -> PgRows.list(rows, PgRows::product));
  }

  @Override
  public Future<List<Campaign>> campaignsAfter(String after, int limit) {
    return pool.preparedQuery(SqlQueries.SELECT_CAMPAIGNS_AFTER)
        .execute(Tuple.of(after == null ? "" : after, limit))
        .map(rows -> PgRows.list(rows, PgRows::campaign));
  }

  @Override
  public Future<List<Content>> contentsAfter(String after, int limit) {
    return pool.preparedQuery(SqlQueries.SELECT_CONTENTS_AFTER)
        .execute(Tuple.of(after == null ? "" : after, limit))
        .map(rows -> PgRows.list(rows, PgRows::content));
  }

  @Override
  public Future<String> catalogVersion() {
    return pool.query(SqlQueries.CATALOG_VERSION)
        .execute()
        .map(rows -> rows.iterator().next().getString(0));
  }

  @Override
  public Future<Map<String, ItemType>> kinds(List<String> ids) {
    return pool.preparedQuery(SqlQueries.SELECT_KINDS)
        .execute(Tuple.of(PgRows.array(ids)))
        .map(
            rows -> {
              Map<String, ItemType> kinds = new LinkedHashMap<>();
              rows.forEach(r -> kinds.put(r.getString(0), ItemType.valueOf(r.getString(1))));
              return kinds;
            });
  }

  private Future<Void> batch(String sql, List<Tuple> params) {
    if (params.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(sql).executeBatch(params).mapEmpty();
  }
}
