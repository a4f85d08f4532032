package com.aiagent.llm;

import com.aiagent.llm.WritePostRequest.Campaign;
import com.aiagent.llm.WritePostRequest.Category;
import com.aiagent.llm.WritePostRequest.Product;
import io.vertx.core.Future;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offline writer: a grounded template in the prompt's language. It names only the items it was
 * given, with their exact names and prices, so its output can be checked the same way a model's
 * answer is.
 */
public final class LocalPostWriter implements PostWriter {
  public static final String PROVIDER = "local";
  private static final int MAX_HASHTAGS = 6;

  @Override
  public Future<WrittenPost> write(WritePostRequest request) {
    return Future.succeededFuture(writeNow(request));
  }

  /** The same post, written on the calling thread (it is a template: microseconds). */
  public WrittenPost writeNow(WritePostRequest request) {
    Map<String, Category> categories =
        request.categories().stream()
            .collect(
                Collectors.toMap(
                    Category::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    boolean korean = request.language() == Language.KO;
    List<Product> products = request.products();
    List<Campaign> campaigns = request.campaigns();
    String lead = products.isEmpty() ? null : name(products.get(0), korean);
    String topCategory =
        products.isEmpty() ? null : categoryName(categories, products.get(0).category(), korean);

    String title;
    String callToAction;
    StringBuilder content = new StringBuilder();
    if (korean) {
      title =
          lead == null
              ? request.user().nameKo() + "님을 위한 맞춤 피드"
              : request.user().nameKo() + "님을 위한 " + topCategory + " 픽: " + lead;
      content
          .append(request.user().nameKo())
          .append("님, \"")
          .append(request.prompt().strip())
          .append("\"에 어울리는 아이템을 골랐어요.\n");
      for (Product p : products) {
        content
            .append("• ")
            .append(p.nameKo())
            .append(" (")
            .append(price(p, true))
            .append("): ")
            .append(p.descriptionKo())
            .append('\n');
      }
      for (Campaign c : campaigns) {
        content.append("🎁 진행 중인 혜택: ").append(c.titleKo()).append('\n');
      }
      content.append("관심사(").append(interests(request, categories, true)).append(")에 맞춰 준비했어요.");
      callToAction = lead == null ? "피드에서 더 둘러보세요" : lead + " 지금 확인하기";
    } else {
      title =
          lead == null
              ? "A feed picked for " + request.user().nameEn()
              : topCategory + " pick for " + request.user().nameEn() + ": " + lead;
      content
          .append(request.user().nameEn())
          .append(", here is what fits \"")
          .append(request.prompt().strip())
          .append("\".\n");
      for (Product p : products) {
        content
            .append("• ")
            .append(p.nameEn())
            .append(" (")
            .append(price(p, false))
            .append("): ")
            .append(p.descriptionEn())
            .append('\n');
      }
      for (Campaign c : campaigns) {
        content.append("🎁 Running offer: ").append(c.titleEn()).append('\n');
      }
      content
          .append("Chosen for your interests: ")
          .append(interests(request, categories, false))
          .append('.');
      callToAction = lead == null ? "Explore more in your feed" : "Check out " + lead + " now";
    }

    return new WrittenPost(
        title,
        content.toString(),
        hashtags(products, categories, korean),
        callToAction,
        products.stream().map(Product::id).toList(),
        campaigns.stream().map(Campaign::id).toList(),
        ImagePrompts.forPost(title, products.stream().map(Product::id).toList(), products),
        PROVIDER);
  }

  private static String name(Product p, boolean korean) {
    return korean ? p.nameKo() : p.nameEn();
  }

  /** Prices as the Korean market writes them: 39,000원, or KRW 39,000 in English. */
  static String price(Product p, boolean korean) {
    String amount = NumberFormat.getIntegerInstance(Locale.US).format(p.price());
    return korean ? amount + "원" : "KRW " + amount;
  }

  private static String categoryName(Map<String, Category> categories, String key, boolean korean) {
    Category c = categories.get(key);
    if (c == null) {
      return key;
    }
    return korean ? c.nameKo() : c.nameEn();
  }

  private static String interests(
      WritePostRequest request, Map<String, Category> categories, boolean korean) {
    return request.user().interests().stream()
        .map(key -> categoryName(categories, key, korean))
        .collect(Collectors.joining(", "));
  }

  private static List<String> hashtags(
      List<Product> products, Map<String, Category> categories, boolean korean) {
    Set<String> tags = new LinkedHashSet<>();
    for (Product p : products) {
      tags.add(categoryName(categories, p.category(), korean).replace(" ", ""));
    }
    for (Product p : products) {
      for (String tag : p.tags()) {
        tags.add(tag.replace(" ", ""));
      }
    }
    List<String> result = new ArrayList<>();
    for (String tag : tags) {
      if (result.size() == MAX_HASHTAGS) {
        break;
      }
      result.add("#" + tag);
    }
    return result;
  }
}
