package com.aiagent.seed;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.embedding.EmbedResult;
import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Content;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import com.aiagent.store.VectorEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text each row is embedded from. Catalog rows carry their category's names in both languages,
 * so a Korean or an English prompt naming the category finds them. The seed and the
 * generate-embeddings command both use it, so re-embedding makes the same vectors.
 */
final class EmbeddingTexts {
  private final Map<String, String> labels;

  EmbeddingTexts(List<Category> categories) {
    this.labels =
        categories.stream()
            .collect(Collectors.toMap(Category::key, c -> c.nameKo() + " " + c.nameEn()));
  }

  EmbeddingRow of(User u) {
    return new EmbeddingRow(u.id(), ItemType.USER, null, null, u.profileText());
  }

  EmbeddingRow of(Product p) {
    return new EmbeddingRow(
        p.id(), ItemType.PRODUCT, p.category(), null, label(p.category()) + p.embeddingText());
  }

  EmbeddingRow of(Campaign c) {
    return new EmbeddingRow(
        c.id(), ItemType.CAMPAIGN, c.category(), c, label(c.category()) + c.embeddingText());
  }

  EmbeddingRow of(Content c) {
    return new EmbeddingRow(
        c.id(), ItemType.CONTENT, c.category(), null, label(c.category()) + c.embeddingText());
  }

  private String label(String category) {
    String label = labels.get(category);
    return label == null ? "" : label + " ";
  }

  static List<String> texts(List<EmbeddingRow> rows) {
    return rows.stream().map(EmbeddingRow::text).toList();
  }

  /**
   * Pairs rows with the vectors an embedding call returned for their texts, in order. Vectors of
   * another dimension than the stores hold are refused here, as a request that conflicts with the
   * stored data (400, naming both sizes), before a store sees them.
   */
  static List<VectorEntry> entries(List<EmbeddingRow> rows, EmbedResult result, int dimension) {
    if (result.vectors().size() != rows.size()) {
      throw new ServiceFailure(
          ErrorCode.UNAVAILABLE,
          "the embedding module answered "
              + result.vectors().size()
              + " vectors for "
              + rows.size()
              + " rows");
    }
    for (float[] vector : result.vectors()) {
      if (vector.length != dimension) {
        throw ServiceFailure.badRequest(
            "refusing to mix vector dimensions: "
                + result.model()
                + " returned "
                + vector.length
                + "-dim vectors, the stores hold "
                + dimension
                + "-dim ones (embedding.dimension); nothing was stored");
      }
    }
    List<VectorEntry> entries = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      entries.add(rows.get(i).entry(result.vectors().get(i), result.model()));
    }
    return entries;
  }
}
