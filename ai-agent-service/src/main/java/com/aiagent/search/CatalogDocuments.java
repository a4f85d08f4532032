package com.aiagent.search;

import com.aiagent.store.Campaign;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.Category;
import com.aiagent.store.Content;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the whole catalogue page by page and turns it into the index's items: a product carries its
 * category's names and the texts of the campaigns and contents about it (their words are how people
 * describe it); a campaign carries its advertiser, its own texts and its product's.
 */
final class CatalogDocuments {
  private static final int PAGE = 500;

  private CatalogDocuments() {}

  /**
   * The whole catalogue as read; {@link #items()} turns it into index items (CPU: off the loop).
   */
  record Catalogue(
      List<Category> categories,
      List<Product> products,
      List<Campaign> campaigns,
      List<Content> contents) {
    List<IndexedItem> items() {
      return CatalogDocuments.items(categories, products, campaigns, contents);
    }
  }

  static Future<Catalogue> load(CatalogStore catalog) {
    Future<List<Category>> categories = catalog.categories();
    Future<List<Product>> products = all(catalog::productsAfter, Product::id);
    Future<List<Campaign>> campaigns = all(catalog::campaignsAfter, Campaign::id);
    Future<List<Content>> contents = all(catalog::contentsAfter, Content::id);
    return Future.all(categories, products, campaigns, contents)
        .map(
            done ->
                new Catalogue(
                    categories.result(), products.result(), campaigns.result(), contents.result()));
  }

  static List<IndexedItem> items(
      List<Category> categories,
      List<Product> products,
      List<Campaign> campaigns,
      List<Content> contents) {
    Map<String, Category> byKey = new HashMap<>();
    categories.forEach(c -> byKey.put(c.key(), c));
    Map<String, StringBuilder[]> about = new HashMap<>();
    for (Campaign c : campaigns) {
      append(about, c.productId(), c.titleKo() + " " + c.bodyKo(), c.titleEn() + " " + c.bodyEn());
    }
    for (Content c : contents) {
      if (c.productId() != null) {
        append(
            about,
            c.productId(),
            c.titleKo() + " " + c.bodyKo(),
            c.titleEn() + " " + c.bodyEn() + " " + String.join(" ", c.tags()));
      }
    }
    Map<String, Product> productById = new HashMap<>();
    List<IndexedItem> items = new ArrayList<>();
    for (Product p : products) {
      productById.put(p.id(), p);
      StringBuilder[] extra = about.getOrDefault(p.id(), new StringBuilder[] {null, null});
      items.add(
          new IndexedItem(
              p.id(),
              ItemType.PRODUCT,
              p.category(),
              join(nameKo(byKey, p.category()), p.nameKo(), p.descriptionKo(), extra[0]),
              join(
                  nameEn(byKey, p.category()),
                  p.nameEn(),
                  p.descriptionEn(),
                  String.join(" ", p.tags()),
                  extra[1]),
              true,
              null,
              null));
    }
    for (Campaign c : campaigns) {
      Product p = productById.get(c.productId());
      items.add(
          new IndexedItem(
              c.id(),
              ItemType.CAMPAIGN,
              c.category(),
              join(
                  nameKo(byKey, c.category()),
                  c.advertiser(),
                  c.titleKo(),
                  c.bodyKo(),
                  p == null ? null : p.nameKo() + " " + p.descriptionKo()),
              join(
                  nameEn(byKey, c.category()),
                  c.advertiser(),
                  c.titleEn(),
                  c.bodyEn(),
                  p == null
                      ? null
                      : p.nameEn() + " " + p.descriptionEn() + " " + String.join(" ", p.tags())),
              c.active(),
              c.startsAt(),
              c.endsAt()));
    }
    return items;
  }

  private static void append(
      Map<String, StringBuilder[]> about, String productId, String ko, String en) {
    StringBuilder[] texts =
        about.computeIfAbsent(
            productId, id -> new StringBuilder[] {new StringBuilder(), new StringBuilder()});
    texts[0].append(' ').append(ko);
    texts[1].append(' ').append(en);
  }

  private static String nameKo(Map<String, Category> byKey, String category) {
    Category c = byKey.get(category);
    return c == null ? category : c.nameKo();
  }

  private static String nameEn(Map<String, Category> byKey, String category) {
    Category c = byKey.get(category);
    return c == null ? category : c.nameEn();
  }

  private static String join(Object... parts) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      if (part != null) {
        text.append(part).append('\n');
      }
    }
    return text.toString();
  }

  private static <T> Future<List<T>> all(
      BiFunction<String, Integer, Future<List<T>>> page, Function<T, String> id) {
    return from(page, id, null, new ArrayList<>());
  }

  private static <T> Future<List<T>> from(
      BiFunction<String, Integer, Future<List<T>>> page,
      Function<T, String> id,
      String after,
      List<T> done) {
    return page.apply(after, PAGE)
        .compose(
            rows -> {
              done.addAll(rows);
              return rows.size() < PAGE
                  ? Future.succeededFuture(done)
                  : from(page, id, id.apply(rows.get(rows.size() - 1)), done);
            });
  }
}
