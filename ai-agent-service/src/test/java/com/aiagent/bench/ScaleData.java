package com.aiagent.bench;

import com.pgvector.PGvector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes one table of the scale data set as CSV for {@code COPY ... FROM STDIN (FORMAT csv)}: users
 * ({@code scale_user_0000001}...), contents, campaigns and the edges between them, grown from the
 * seeded demo rows. The feed and the ad delivery have to be measured on a catalog and a graph the
 * size of a real deployment, and such data cannot be written through the API in minutes; COPY can.
 *
 * <p>Vectors are demo vectors moved by Gaussian noise and renormalized, as in {@link
 * SyntheticCampaigns}, so they cluster like ten categories do. The graph is skewed like a social
 * one: how often a user, content, product or campaign is picked follows Zipf's law over a fixed
 * popularity order, users' activity is log-normal, and likes, views and clicks mostly stay inside
 * the user's interests. Every table is derived from the demo rows and fixed seeds alone, so each
 * run (one per table, by scripts/load_scale_data.sh) rebuilds the same world and writes its part,
 * and the same sizes and epoch give the same rows.
 *
 * <p>Usage: ScaleData JDBC_URL users|contents|campaigns|edges USERS CONTENTS CAMPAIGNS
 * EDGES_PER_USER EPOCH (an ISO instant; contents are dated over the 30 days before it).
 *
 * <p>Columns, in order: users (id, name_ko, name_en, interests, bio_ko, bio_en, embedding,
 * embedding_model); contents (id, author_id, category, product_id, title_ko, title_en, body_ko,
 * body_en, tags, created_at, embedding, embedding_model); campaigns (id, product_id, category,
 * advertiser, title_ko, title_en, body_ko, body_en, target_interests, bid, active, starts_at,
 * ends_at, daily_budget, frequency_cap, embedding, embedding_model); edges (from_id, type, to_id).
 */
public final class ScaleData {
  private static final long SEED = 42;
  private static final double NOISE_NORM = 0.8;
  private static final int CONTENT_DAYS = 30;
  private static final int DAY_SECONDS = 86_400;

  /** Zipf exponent of who is followed and what is liked, viewed, bought and clicked. */
  private static final double POPULARITY_SKEW = 1.0;

  /** Zipf exponent of who writes the contents: popular users post more, less steeply. */
  private static final double AUTHOR_SKEW = 0.7;

  /** How often a like, view, purchase or click stays inside the user's interests. */
  private static final double IN_INTERESTS = 0.8;

  private static final int ATTEMPTS_PER_EDGE = 10;

  private static final String[] EDGE_TYPES = {"FOLLOWS", "LIKES", "VIEWS", "PURCHASES", "CLICKS"};
  private static final double[] EDGE_SHARES = {0.30, 0.40, 0.15, 0.05, 0.10};
  private static final int FOLLOWS = 0;
  private static final int LIKES = 1;
  private static final int VIEWS = 2;
  private static final int PURCHASES = 3;
  private static final int CLICKS = 4;

  private static final String STARTS_AT = "2026-09-01T00:00:00Z";
  private static final String ENDS_AT = "2031-12-31T00:00:00Z";
  private static final String ENDED_AT = "2026-10-31T00:00:00Z";

  private static final String[][] SURNAMES = {
    {"김", "Kim"}, {"이", "Lee"}, {"박", "Park"}, {"최", "Choi"}, {"정", "Jung"},
    {"강", "Kang"}, {"조", "Cho"}, {"윤", "Yoon"}, {"장", "Jang"}, {"임", "Lim"},
    {"한", "Han"}, {"오", "Oh"}, {"서", "Seo"}, {"신", "Shin"}, {"권", "Kwon"}
  };
  private static final String[][] GIVEN_NAMES = {
    {"민준", "Minjun"}, {"서연", "Seoyeon"}, {"도윤", "Doyun"}, {"하은", "Haeun"},
    {"지호", "Jiho"}, {"수아", "Sua"}, {"예준", "Yejun"}, {"지우", "Jiwoo"},
    {"시우", "Siwoo"}, {"서윤", "Seoyun"}, {"주원", "Juwon"}, {"하린", "Harin"},
    {"건우", "Geonwoo"}, {"민서", "Minseo"}, {"현우", "Hyunwoo"}, {"지민", "Jimin"},
    {"유진", "Yujin"}, {"태윤", "Taeyun"}, {"채원", "Chaewon"}, {"은호", "Eunho"}
  };
  private static final String[][] JOBS = {
    {"직장인", "Office worker"}, {"대학생", "Student"}, {"디자이너", "Designer"},
    {"개발자", "Developer"}, {"간호사", "Nurse"}, {"요리사", "Cook"},
    {"프리랜서", "Freelancer"}, {"교사", "Teacher"}, {"마케터", "Marketer"},
    {"사진작가", "Photographer"}
  };
  private static final String[] EXTRA_TAGS = {
    "daily", "review", "tip", "haul", "weekend", "recommend", "vlog", "newin"
  };

  private record Category(String key, String nameKo, String nameEn) {}

  private record BaseUser(String id, List<String> interests, float[] vector, String model) {}

  private record BaseContent(
      String id,
      String category,
      String productId,
      String titleKo,
      String titleEn,
      String bodyKo,
      String bodyEn,
      List<String> tags,
      float[] vector,
      String model) {}

  private record BaseCampaign(
      String id,
      String productId,
      String category,
      String advertiser,
      String titleKo,
      String titleEn,
      String bodyKo,
      String bodyEn,
      List<String> targetInterests,
      float[] vector,
      String model) {}

  private record Product(String id, String category) {}

  private record Demo(
      List<Category> categories,
      List<BaseUser> users,
      List<BaseContent> contents,
      List<BaseCampaign> campaigns,
      List<Product> products) {}

  private record User(
      int base, List<String> interests, String nameKo, String nameEn, String bioKo, String bioEn) {}

  private record Content(int base, int author, List<String> tags, long createdAt) {}

  private record Campaign(
      int base, double bid, boolean active, boolean ended, Integer dailyBudget, Integer cap) {}

  private final Demo demo;
  private final int dims;
  private final double edgesPerUser;
  private final String[] userIds;
  private final String[] contentIds;
  private final String[] campaignIds;
  private final int[] userByRank;
  private final List<User> users = new ArrayList<>();
  private final List<Content> contents = new ArrayList<>();
  private final List<Campaign> campaigns = new ArrayList<>();
  private final Map<Integer, Zipf> zipfs = new HashMap<>();

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      throw new IllegalArgumentException(
          "usage: ScaleData JDBC_URL users|contents|campaigns|edges USERS CONTENTS CAMPAIGNS"
              + " EDGES_PER_USER EPOCH");
    }
    int[] sizes = {Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4])};
    if (Arrays.stream(sizes).anyMatch(n -> n < 1 || n > 9_999_999)) {
      throw new IllegalArgumentException("sizes go from 1 to 9,999,999: " + Arrays.toString(sizes));
    }
    ScaleData data =
        new ScaleData(
            read(args[0]),
            sizes[0],
            sizes[1],
            sizes[2],
            Double.parseDouble(args[5]),
            Instant.parse(args[6]));
    long started = System.nanoTime();
    int rows;
    try (Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
      rows =
          switch (args[1]) {
            case "users" -> data.writeUsers(out);
            case "contents" -> data.writeContents(out);
            case "campaigns" -> data.writeCampaigns(out);
            case "edges" -> data.writeEdges(out);
            default -> throw new IllegalArgumentException("unknown table " + args[1]);
          };
    }
    System.err.printf(
        "  generated %d %s rows in %.1f s%n", rows, args[1], (System.nanoTime() - started) / 1e9);
  }

  private ScaleData(
      Demo demo,
      int userCount,
      int contentCount,
      int campaignCount,
      double edgesPerUser,
      Instant epoch) {
    this.demo = demo;
    this.dims = demo.users().get(0).vector().length;
    this.edgesPerUser = edgesPerUser;
    userIds = ids("scale_user_", userCount);
    contentIds = ids("scale_content_", contentCount);
    campaignIds = ids("scale_camp_", campaignCount);
    userByRank = permutation(userCount, random("users.popularity"));

    Map<String, Category> categories = new HashMap<>();
    demo.categories().forEach(c -> categories.put(c.key(), c));
    Random r = random("users");
    for (int i = 0; i < userCount; i++) {
      int base = r.nextInt(demo.users().size());
      List<String> interests = interests(r, demo.users().get(base).interests());
      String[] surname = SURNAMES[r.nextInt(SURNAMES.length)];
      String[] given = GIVEN_NAMES[r.nextInt(GIVEN_NAMES.length)];
      String[] job = JOBS[r.nextInt(JOBS.length)];
      List<String> namesKo = interests.stream().map(k -> categories.get(k).nameKo()).toList();
      List<String> namesEn =
          interests.stream().map(k -> categories.get(k).nameEn().toLowerCase()).toList();
      users.add(
          new User(
              base,
              interests,
              surname[0] + given[0],
              surname[1] + " " + given[1],
              String.join(", ", namesKo) + " 이야기를 올리는 " + job[0],
              job[1] + " posting about " + String.join(", ", namesEn)));
    }

    r = random("contents");
    Zipf authors = new Zipf(userCount, AUTHOR_SKEW);
    long newest = epoch.getEpochSecond();
    for (int i = 0; i < contentCount; i++) {
      int base = r.nextInt(demo.contents().size());
      List<String> tags = new ArrayList<>(demo.contents().get(base).tags());
      String extra = EXTRA_TAGS[r.nextInt(EXTRA_TAGS.length)];
      if (r.nextBoolean() && !tags.contains(extra)) {
        tags.add(extra);
      }
      contents.add(
          new Content(
              base,
              userByRank[authors.sample(r)],
              tags,
              newest - r.nextInt(CONTENT_DAYS * DAY_SECONDS)));
    }

    r = random("campaigns");
    for (int i = 0; i < campaignCount; i++) {
      int base = r.nextInt(demo.campaigns().size());
      double bid = (50 + r.nextInt(250)) / 100.0;
      // 90% live; of the rest half paused, half ended.
      int state = r.nextInt(20);
      Integer budget = r.nextInt(100) < 3 ? 5 + r.nextInt(96) : null;
      Integer cap = r.nextInt(100) < 3 ? 1 + r.nextInt(5) : null;
      campaigns.add(new Campaign(base, bid, state != 0, state == 1, budget, cap));
    }
  }

  private int writeUsers(Writer out) throws IOException {
    Random noise = random("users.noise");
    Progress progress = new Progress("users", users.size());
    Csv line = new Csv(dims);
    for (int i = 0; i < users.size(); i++) {
      User u = users.get(i);
      BaseUser base = demo.users().get(u.base());
      line.start()
          .add(userIds[i])
          .add(u.nameKo())
          .add(u.nameEn())
          .add(array(u.interests()))
          .add(u.bioKo())
          .add(u.bioEn())
          .vector(base.vector(), noise, dims)
          .add(base.model());
      line.writeTo(out);
      progress.row(i + 1);
    }
    return users.size();
  }

  private int writeContents(Writer out) throws IOException {
    Random noise = random("contents.noise");
    Progress progress = new Progress("contents", contents.size());
    Csv line = new Csv(dims);
    for (int i = 0; i < contents.size(); i++) {
      Content c = contents.get(i);
      BaseContent base = demo.contents().get(c.base());
      line.start()
          .add(contentIds[i])
          .add(userIds[c.author()])
          .add(base.category())
          .add(base.productId())
          .add(base.titleKo() + " #" + (i + 1))
          .add(base.titleEn() + " #" + (i + 1))
          .add(base.bodyKo())
          .add(base.bodyEn())
          .add(array(c.tags()))
          .add(Instant.ofEpochSecond(c.createdAt()).toString())
          .vector(base.vector(), noise, dims)
          .add(base.model());
      line.writeTo(out);
      progress.row(i + 1);
    }
    return contents.size();
  }

  private int writeCampaigns(Writer out) throws IOException {
    Random noise = random("campaigns.noise");
    Progress progress = new Progress("campaigns", campaigns.size());
    Csv line = new Csv(dims);
    for (int i = 0; i < campaigns.size(); i++) {
      Campaign c = campaigns.get(i);
      BaseCampaign base = demo.campaigns().get(c.base());
      line.start()
          .add(campaignIds[i])
          .add(base.productId())
          .add(base.category())
          .add(base.advertiser())
          .add(base.titleKo() + " #" + (i + 1))
          .add(base.titleEn() + " #" + (i + 1))
          .add(base.bodyKo())
          .add(base.bodyEn())
          .add(array(base.targetInterests()))
          .add(String.valueOf(c.bid()))
          .add(String.valueOf(c.active()))
          .add(STARTS_AT)
          .add(c.ended() ? ENDED_AT : ENDS_AT)
          .add(c.dailyBudget() == null ? null : c.dailyBudget().toString())
          .add(c.cap() == null ? null : c.cap().toString())
          .vector(base.vector(), noise, dims)
          .add(base.model());
      line.writeTo(out);
      progress.row(i + 1);
    }
    return campaigns.size();
  }

  /**
   * Per user: a log-normal number of edges (mean {@code edgesPerUser}) split over the types by
   * {@link #EDGE_SHARES}, each target drawn by popularity; a target already taken is drawn again a
   * few times, then given up, so no (from_id, type, to_id) repeats.
   */
  private int writeEdges(Writer out) throws IOException {
    int[] contentByRank = permutation(contents.size(), random("contents.popularity"));
    int[] campaignByRank = permutation(campaigns.size(), random("campaigns.popularity"));
    int[] productByRank = permutation(demo.products().size(), random("products.popularity"));
    Map<String, int[]> contentsByCategory =
        byKey(contentByRank, i -> List.of(demo.contents().get(contents.get(i).base()).category()));
    Map<String, int[]> campaignsByInterest =
        byKey(campaignByRank, i -> demo.campaigns().get(campaigns.get(i).base()).targetInterests());
    Map<String, int[]> productsByCategory =
        byKey(productByRank, i -> List.of(demo.products().get(i).category()));

    Random r = random("edges");
    double mu = Math.log(edgesPerUser) - 0.5; // log-normal, sigma 1: mean exp(mu + 1/2)
    int most = (int) Math.ceil(edgesPerUser * 20);
    long[] perType = new long[EDGE_TYPES.length];
    Progress progress = new Progress("edges (by user)", users.size());
    StringBuilder line = new StringBuilder(64);
    Set<Long> taken = new HashSet<>();
    List<Integer> viewed = new ArrayList<>();
    int rows = 0;
    for (int u = 0; u < users.size(); u++) {
      List<String> interests = users.get(u).interests();
      int total = (int) Math.max(2, Math.min(most, Math.round(Math.exp(mu + r.nextGaussian()))));
      int[] counts = new int[EDGE_TYPES.length];
      for (int k = 0; k < total; k++) {
        counts[type(r.nextDouble())]++;
      }
      taken.clear();
      viewed.clear();
      for (int type = 0; type < EDGE_TYPES.length; type++) {
        for (int k = 0; k < counts[type]; k++) {
          for (int attempt = 0; attempt < ATTEMPTS_PER_EDGE; attempt++) {
            int target =
                switch (type) {
                  case FOLLOWS -> userByRank[zipf(users.size()).sample(r)];
                  case LIKES -> pick(r, interests, contentsByCategory, contentByRank);
                  case VIEWS -> pick(r, interests, productsByCategory, productByRank);
                  case PURCHASES ->
                      !viewed.isEmpty() && r.nextDouble() < IN_INTERESTS
                          ? viewed.get(r.nextInt(viewed.size()))
                          : pick(r, interests, productsByCategory, productByRank);
                  default -> pick(r, interests, campaignsByInterest, campaignByRank);
                };
            boolean own =
                (type == FOLLOWS && target == u)
                    || (type == LIKES && contents.get(target).author() == u);
            if (own || !taken.add(((long) type << 32) | target)) {
              continue;
            }
            if (type == VIEWS) {
              viewed.add(target);
            }
            line.setLength(0);
            line.append(userIds[u]).append(',').append(EDGE_TYPES[type]).append(',');
            line.append(
                switch (type) {
                  case FOLLOWS -> userIds[target];
                  case LIKES -> contentIds[target];
                  case VIEWS, PURCHASES -> demo.products().get(target).id();
                  default -> campaignIds[target];
                });
            out.append(line).append('\n');
            perType[type]++;
            rows++;
            break;
          }
        }
      }
      progress.row(u + 1);
    }
    StringBuilder summary = new StringBuilder("  edges by type:");
    for (int type = 0; type < EDGE_TYPES.length; type++) {
      summary.append(' ').append(EDGE_TYPES[type]).append('=').append(perType[type]);
    }
    System.err.println(summary);
    return rows;
  }

  private static int type(double x) {
    for (int type = 0; type < EDGE_SHARES.length - 1; type++) {
      x -= EDGE_SHARES[type];
      if (x < 0) {
        return type;
      }
    }
    return EDGE_SHARES.length - 1;
  }

  /** Mostly a popular item of one of the user's interests, else a popular item of any. */
  private int pick(Random r, List<String> interests, Map<String, int[]> byKey, int[] byRank) {
    if (r.nextDouble() < IN_INTERESTS) {
      int[] items = byKey.get(interests.get(r.nextInt(interests.size())));
      if (items != null) {
        return items[zipf(items.length).sample(r)];
      }
    }
    return byRank[zipf(byRank.length).sample(r)];
  }

  private Zipf zipf(int n) {
    return zipfs.computeIfAbsent(n, size -> new Zipf(size, POPULARITY_SKEW));
  }

  /** Item indices per key, each list in popularity order. */
  private static Map<String, int[]> byKey(int[] byRank, Function<Integer, List<String>> keys) {
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int item : byRank) {
      for (String key : keys.apply(item)) {
        lists.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
      }
    }
    Map<String, int[]> arrays = new HashMap<>();
    lists.forEach((key, list) -> arrays.put(key, list.stream().mapToInt(i -> i).toArray()));
    return arrays;
  }

  /** One to three: mostly the base user's interests, sometimes another category. */
  private List<String> interests(Random r, List<String> base) {
    List<String> pool = new ArrayList<>(base);
    for (int i = pool.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      pool.set(j, pool.set(i, pool.get(j)));
    }
    int wanted = 1 + r.nextInt(3);
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < wanted) {
      if (!pool.isEmpty() && r.nextInt(5) != 0) {
        chosen.add(pool.remove(0));
      } else {
        chosen.add(demo.categories().get(r.nextInt(demo.categories().size())).key());
      }
    }
    return List.copyOf(chosen);
  }

  private static String[] ids(String prefix, int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = String.format("%s%07d", prefix, i + 1);
    }
    return ids;
  }

  private static int[] permutation(int n, Random r) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** One stream per purpose, so a table's rows do not depend on what else is written. */
  private static Random random(String stream) {
    return new Random(SEED * 1_000_003L + stream.hashCode() * 0x9E3779B97F4A7C15L);
  }

  /** A PostgreSQL array literal, elements quoted when they hold anything but plain text. */
  private static String array(List<String> items) {
    StringBuilder literal = new StringBuilder("{");
    for (String item : items) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      if (item.isEmpty() || item.equalsIgnoreCase("null") || item.matches(".*[{},\"\\\\\\s].*")) {
        literal.append('"').append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        literal.append(item);
      }
    }
    return literal.append('}').toString();
  }

  private static Demo read(String url) throws SQLException {
    try (Connection conn = DriverManager.getConnection(url);
        Statement st = conn.createStatement()) {
      List<Category> categories = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery("SELECT key, name_ko, name_en FROM categories ORDER BY key")) {
        while (rs.next()) {
          categories.add(new Category(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      List<BaseUser> users = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT id, interests, embedding::text, embedding_model FROM users "
                  + "WHERE id LIKE 'user_%' AND embedding IS NOT NULL ORDER BY id")) {
        while (rs.next()) {
          users.add(new BaseUser(rs.getString(1), strings(rs, 2), vector(rs, 3), rs.getString(4)));
        }
      }
      List<BaseContent> contents = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT id, category, product_id, title_ko, title_en, body_ko, body_en, tags, "
                  + "embedding::text, embedding_model FROM contents "
                  + "WHERE id LIKE 'content_%' AND embedding IS NOT NULL ORDER BY id")) {
        while (rs.next()) {
          contents.add(
              new BaseContent(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  strings(rs, 8),
                  vector(rs, 9),
                  rs.getString(10)));
        }
      }
      List<BaseCampaign> campaigns = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT id, product_id, category, advertiser, title_ko, title_en, body_ko, body_en, "
                  + "target_interests, embedding::text, embedding_model FROM campaigns "
                  + "WHERE id LIKE 'camp_%' AND embedding IS NOT NULL ORDER BY id")) {
        while (rs.next()) {
          campaigns.add(
              new BaseCampaign(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  strings(rs, 9),
                  vector(rs, 10),
                  rs.getString(11)));
        }
      }
      List<Product> products = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery("SELECT id, category FROM products WHERE id LIKE 'prod_%' ORDER BY id")) {
        while (rs.next()) {
          products.add(new Product(rs.getString(1), rs.getString(2)));
        }
      }
      if (categories.isEmpty()
          || users.isEmpty()
          || contents.isEmpty()
          || campaigns.isEmpty()
          || products.isEmpty()) {
        throw new IllegalStateException(
            "seed the demo data first: need categories, products and users, contents and"
                + " campaigns with embeddings");
      }
      return new Demo(categories, users, contents, campaigns, products);
    }
  }

  private static List<String> strings(ResultSet rs, int column) throws SQLException {
    return List.of((String[]) rs.getArray(column).getArray());
  }

  private static float[] vector(ResultSet rs, int column) throws SQLException {
    return new PGvector(rs.getString(column)).toArray();
  }

  /** Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^skew. */
  private static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double skew) {
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, skew);
        cumulative[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cumulative[i] /= sum;
      }
    }

    int sample(Random r) {
      int i = Arrays.binarySearch(cumulative, r.nextDouble());
      return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }
  }

  /** One CSV line: fields quoted when needed, null as an empty unquoted field (SQL NULL). */
  private static final class Csv {
    private final StringBuilder line = new StringBuilder(16_384);
    private final float[] v;

    Csv(int dims) {
      v = new float[dims];
    }

    Csv start() {
      line.setLength(0);
      return this;
    }

    Csv add(String field) {
      separate();
      if (field == null) {
        return this;
      }
      if (field.isEmpty()
          || field.indexOf(',') >= 0
          || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0
          || field.indexOf('\r') >= 0) {
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        line.append(field);
      }
      return this;
    }

    /** {@code base} moved by Gaussian noise of norm about {@link #NOISE_NORM}, renormalized. */
    Csv vector(float[] base, Random noise, int dims) {
      separate();
      double sigma = NOISE_NORM / Math.sqrt(dims);
      double norm = 0;
      for (int d = 0; d < dims; d++) {
        v[d] = (float) (base[d] + noise.nextGaussian() * sigma);
        norm += v[d] * v[d];
      }
      norm = Math.sqrt(norm);
      line.append("\"[");
      for (int d = 0; d < dims; d++) {
        if (d > 0) {
          line.append(',');
        }
        line.append((float) (v[d] / norm));
      }
      line.append("]\"");
      return this;
    }

    void writeTo(Writer out) throws IOException {
      out.append(line).append('\n');
    }

    private void separate() {
      if (line.length() > 0) {
        line.append(',');
      }
    }
  }

  /** A line on stderr at every fifth of the rows. */
  private static final class Progress {
    private final String what;
    private final int total;
    private final long started = System.nanoTime();

    Progress(String what, int total) {
      this.what = what;
      this.total = total;
    }

    void row(int done) {
      if (done % Math.max(1, total / 5) == 0 && done < total) {
        System.err.printf(
            "  %s: %d / %d, %.1f s%n", what, done, total, (System.nanoTime() - started) / 1e9);
      }
    }
  }
}
