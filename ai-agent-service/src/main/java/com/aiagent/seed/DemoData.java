package com.aiagent.seed;

import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Content;
import com.aiagent.store.Edge;
import com.aiagent.store.EdgeType;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deterministic demo data set: rows from the bilingual TSV files under {@code seed/} on the
 * class path, and graph edges derived from them by fixed rules, so every seed makes the same rows.
 */
public record DemoData(
    List<Category> categories,
    List<User> users,
    List<Product> products,
    List<Campaign> campaigns,
    List<Content> contents,
    List<Edge> edges) {

  public static DemoData load() {
    List<Category> categories =
        rows("categories.tsv").stream().map(r -> new Category(r[0], r[1], r[2], r[3])).toList();
    List<User> users =
        rows("users.tsv").stream()
            .map(r -> new User(r[0], r[1], r[2], list(r[3]), r[4], r[5]))
            .toList();
    List<Product> products =
        rows("products.tsv").stream()
            .map(
                r ->
                    new Product(
                        r[0], r[1], r[2], r[3], Long.parseLong(r[4]), r[5], r[6], list(r[7])))
            .toList();
    Map<String, Product> productById =
        products.stream().collect(Collectors.toMap(Product::id, Function.identity()));
    List<Campaign> campaigns =
        rows("campaigns.tsv").stream()
            .map(
                r ->
                    new Campaign(
                        r[0],
                        r[1],
                        productById.get(r[1]).category(),
                        r[2],
                        r[3],
                        r[4],
                        r[5],
                        r[6],
                        list(r[7]),
                        Double.parseDouble(r[8]),
                        Boolean.parseBoolean(r[9]),
                        Instant.parse(r[10]),
                        Instant.parse(r[11]),
                        null,
                        null))
            .toList();
    List<Content> contents =
        rows("contents.tsv").stream()
            .map(
                r ->
                    new Content(
                        r[0],
                        r[1],
                        r[2],
                        r[3],
                        r[4],
                        r[5],
                        r[6],
                        r[7],
                        list(r[8]),
                        Instant.parse(r[9])))
            .toList();
    return new DemoData(
        categories,
        users,
        products,
        campaigns,
        contents,
        edges(users, products, campaigns, contents));
  }

  /**
   * Follows, likes, views, purchases and clicks by fixed arithmetic on row positions: each user
   * follows three others and interacts with items in its own interests.
   */
  static List<Edge> edges(
      List<User> users, List<Product> products, List<Campaign> campaigns, List<Content> contents) {
    List<Edge> edges = new ArrayList<>();
    int n = users.size();
    for (int u = 0; u < n; u++) {
      User user = users.get(u);
      for (int step : new int[] {1, 4, 7}) {
        edges.add(new Edge(user.id(), EdgeType.FOLLOWS, users.get((u + step) % n).id()));
      }
      for (int c = 0; c < contents.size(); c++) {
        Content content = contents.get(c);
        if (user.interests().contains(content.category())
            && (c + u) % 3 == 0
            && !content.authorId().equals(user.id())) {
          edges.add(new Edge(user.id(), EdgeType.LIKES, content.id()));
        }
      }
      for (int p = 0; p < products.size(); p++) {
        Product product = products.get(p);
        if (user.interests().contains(product.category())) {
          if ((p + u) % 2 == 0) {
            edges.add(new Edge(user.id(), EdgeType.VIEWS, product.id()));
          }
          if (product.category().equals(user.interests().get(0)) && (p + u) % 5 == 0) {
            edges.add(new Edge(user.id(), EdgeType.PURCHASES, product.id()));
          }
        }
      }
      for (int c = 0; c < campaigns.size(); c++) {
        Campaign campaign = campaigns.get(c);
        if (campaign.targets(user.interests()) && (c + u) % 4 == 0) {
          edges.add(new Edge(user.id(), EdgeType.CLICKS, campaign.id()));
        }
      }
    }
    return edges;
  }

  private static List<String> list(String field) {
    return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String[]> rows(String file) {
    String path = "seed/" + file;
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing demo data " + path);
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      int columns = lines[0].split("\t", -1).length;
      List<String[]> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] fields = lines[i].split("\t", -1);
        if (fields.length != columns) {
          throw new IllegalStateException(
              path + " line " + (i + 1) + ": " + fields.length + " fields, expected " + columns);
        }
        rows.add(fields);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
