package com.aiagent.bench;

import com.pgvector.PGvector;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes N synthetic campaigns as CSV for {@code COPY campaigns (...) FROM STDIN (FORMAT csv)}.
 * Each is one of the seeded campaigns with its vector moved by Gaussian noise and renormalized, so
 * the synthetic set clusters the way real campaigns of ten categories do (uniform random vectors
 * would be an unrealistically hard case for HNSW). Deterministic for a given N and seed.
 *
 * <p>Usage: SyntheticCampaigns JDBC_URL N (run by scripts/load_synthetic_campaigns.sh).
 */
public final class SyntheticCampaigns {
  private static final double NOISE_NORM = 0.8;

  private record Base(
      String id, String productId, String category, String interests, float[] vector) {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    List<Base> bases = new ArrayList<>();
    try (Connection conn = DriverManager.getConnection(url);
        Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT id, product_id, category, array_to_string(target_interests, ','), embedding::text "
                    + "FROM campaigns WHERE id LIKE 'camp_%' AND embedding IS NOT NULL ORDER BY id")) {
      while (rs.next()) {
        bases.add(
            new Base(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                new PGvector(rs.getString(5)).toArray()));
      }
    }
    if (bases.isEmpty()) {
      throw new IllegalStateException("seed the demo data first: no campaigns with embeddings");
    }
    Random random = new Random(42);
    int dims = bases.get(0).vector().length;
    double sigma = NOISE_NORM / Math.sqrt(dims);
    try (BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
      float[] v = new float[dims];
      for (int i = 1; i <= n; i++) {
        Base base = bases.get(random.nextInt(bases.size()));
        double norm = 0;
        for (int d = 0; d < dims; d++) {
          v[d] = (float) (base.vector()[d] + random.nextGaussian() * sigma);
          norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        StringBuilder vec = new StringBuilder(dims * 11).append('[');
        for (int d = 0; d < dims; d++) {
          if (d > 0) {
            vec.append(',');
          }
          vec.append((float) (v[d] / norm));
        }
        vec.append(']');
        String id = String.format("syn_%07d", i);
        out.write(
            String.join(
                ",",
                id,
                base.productId(),
                base.category(),
                "Synthetic",
                "합성 캠페인 " + i,
                "Synthetic campaign " + i,
                "합성 광고 본문",
                "Synthetic ad body",
                "\"{" + base.interests() + "}\"",
                String.valueOf(0.5 + random.nextInt(250) / 100.0),
                String.valueOf(random.nextInt(10) != 0),
                "2026-09-01T00:00:00Z",
                "2031-12-31T00:00:00Z",
                "\"" + vec + "\"",
                "local-hashing-v1"));
        out.newLine();
      }
    }
  }
}
