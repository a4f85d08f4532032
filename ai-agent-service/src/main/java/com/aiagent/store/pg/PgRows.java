package com.aiagent.store.pg;

import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Content;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import com.pgvector.PGvector;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Rows to records and records to parameters, for the PostgreSQL stores. */
final class PgRows {
  private PgRows() {}

  /** pgvector's text form, {@code [0.1,0.2,...]}, which a {@code $n::vector} cast accepts. */
  static String vectorText(float[] vector) {
    return vector == null ? null : new PGvector(vector).getValue();
  }

  static float[] floats(Float[] values) {
    float[] vector = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      vector[i] = values[i];
    }
    return vector;
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static List<String> strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : List.of(values);
  }

  static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }

  static Category category(Row r) {
    return new Category(
        r.getString("key"), r.getString("name_ko"), r.getString("name_en"), r.getString("color"));
  }

  static User user(Row r) {
    return new User(
        r.getString("id"),
        r.getString("name_ko"),
        r.getString("name_en"),
        strings(r, "interests"),
        r.getString("bio_ko"),
        r.getString("bio_en"));
  }

  static Product product(Row r) {
    return new Product(
        r.getString("id"),
        r.getString("category"),
        r.getString("name_ko"),
        r.getString("name_en"),
        r.getLong("price"),
        r.getString("description_ko"),
        r.getString("description_en"),
        strings(r, "tags"));
  }

  static Campaign campaign(Row r) {
    return new Campaign(
        r.getString("id"),
        r.getString("product_id"),
        r.getString("category"),
        r.getString("advertiser"),
        r.getString("title_ko"),
        r.getString("title_en"),
        r.getString("body_ko"),
        r.getString("body_en"),
        strings(r, "target_interests"),
        r.getDouble("bid"),
        r.getBoolean("active"),
        r.getOffsetDateTime("starts_at").toInstant(),
        r.getOffsetDateTime("ends_at").toInstant(),
        r.getDouble("daily_budget"),
        r.getInteger("frequency_cap"));
  }

  static Content content(Row r) {
    return new Content(
        r.getString("id"),
        r.getString("author_id"),
        r.getString("category"),
        r.getString("product_id"),
        r.getString("title_ko"),
        r.getString("title_en"),
        r.getString("body_ko"),
        r.getString("body_en"),
        strings(r, "tags"),
        r.getOffsetDateTime("created_at").toInstant());
  }

  static Tuple categoryParams(Category c) {
    return Tuple.of(c.key(), c.nameKo(), c.nameEn(), c.color());
  }

  static Tuple userParams(User u, float[] vector, String model) {
    return Tuple.tuple(
        Arrays.asList(
            u.id(),
            u.nameKo(),
            u.nameEn(),
            array(u.interests()),
            u.bioKo(),
            u.bioEn(),
            vectorText(vector),
            model));
  }

  static Tuple productParams(Product p, float[] vector, String model) {
    return Tuple.tuple(
        Arrays.asList(
            p.id(),
            p.category(),
            p.nameKo(),
            p.nameEn(),
            p.price(),
            p.descriptionKo(),
            p.descriptionEn(),
            array(p.tags()),
            vectorText(vector),
            model));
  }

  static Tuple campaignParams(Campaign c, float[] vector, String model) {
    return Tuple.tuple(
        Arrays.asList(
            c.id(),
            c.productId(),
            c.category(),
            c.advertiser(),
            c.titleKo(),
            c.titleEn(),
            c.bodyKo(),
            c.bodyEn(),
            array(c.targetInterests()),
            c.bid(),
            c.active(),
            time(c.startsAt()),
            time(c.endsAt()),
            c.dailyBudget(),
            c.frequencyCap(),
            vectorText(vector),
            model));
  }

  static Tuple contentParams(Content c, float[] vector, String model) {
    return Tuple.tuple(
        Arrays.asList(
            c.id(),
            c.authorId(),
            c.category(),
            c.productId(),
            c.titleKo(),
            c.titleEn(),
            c.bodyKo(),
            c.bodyEn(),
            array(c.tags()),
            time(c.createdAt()),
            vectorText(vector),
            model));
  }

  static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> result = new ArrayList<>(rows.size());
    rows.forEach(row -> result.add(mapper.apply(row)));
    return result;
  }

  static long count(RowSet<Row> rows) {
    return rows.iterator().next().getLong(0);
  }

  /** The rows mapped and put back in the order of {@code ids}; ids with no row are left out. */
  static <T> List<T> inOrder(
      RowSet<Row> rows, Function<Row, T> mapper, Function<T, String> id, List<String> ids) {
    Map<String, T> byId =
        list(rows, mapper).stream().collect(Collectors.toMap(id, Function.identity()));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }
}
