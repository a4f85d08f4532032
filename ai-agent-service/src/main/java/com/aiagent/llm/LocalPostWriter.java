package com.aiagent.llm;

import com.aiagent.llm.WritePostRequest.Campaign;
import com.aiagent.llm.WritePostRequest.Category;
import com.aiagent.llm.WritePostRequest.Product;
import io.vertx.core.Future;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offline writer: a grounded template in the prompt's language. It names only the items it was
 * given, with their exact names and prices, so its output can be checked the same way a model's
 * answer is. Its copy follows the lead item's category and what the prompt asks for (a gift, a low
 * price, something new); it says the post fits the user's interests only for items that do, and
 * says plainly when the prompt's language is one it cannot write.
 */
public final class LocalPostWriter implements PostWriter {
  public static final String PROVIDER = "local";
  private static final int MAX_HASHTAGS = 6;
  private static final int MAX_NAME_TAG = 12;

  /** How each category's items are introduced, in Korean and English. */
  private record Voice(String ko, String en) {}

  private static final Map<String, Voice> VOICES =
      Map.of(
          "fashion", new Voice("코디에 포인트가 되어 줄", "to lift your everyday outfit"),
          "beauty", new Voice("데일리 루틴을 채워 줄", "for your daily routine"),
          "food", new Voice("식탁을 즐겁게 해 줄", "to brighten your table"),
          "travel", new Voice("다음 여행을 가볍게 해 줄", "to make your next trip easier"),
          "fitness", new Voice("운동 루틴을 이어 가게 해 줄", "to keep your workouts going"),
          "electronics", new Voice("하루를 더 편하게 해 줄", "to make your day run smoother"),
          "home", new Voice("집을 더 아늑하게 만들어 줄", "to make your home cosier"),
          "books", new Voice("천천히 읽기 좋은", "worth a slow read"),
          "pets", new Voice("반려동물과의 하루를 채워 줄", "for your pet's day"),
          "kids", new Voice("아이와 함께 쓰기 좋은", "to enjoy with your kids"));
  private static final Voice ANY = new Voice("요청에 어울리는", "that fit your request");

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
    if (request.products().isEmpty() && !request.closestCategories().isEmpty()) {
      return NothingFoundPost.write(request, categories, PROVIDER);
    }
    boolean korean = request.language() == Language.KO;
    PromptIntent intent = PromptIntent.of(request.prompt());
    List<Product> products = ordered(request.products(), intent);
    List<Campaign> campaigns = request.campaigns();
    Product leadItem = products.isEmpty() ? null : products.get(0);
    String lead = leadItem == null ? null : name(leadItem, korean);
    String topCategory =
        leadItem == null ? null : categoryName(categories, leadItem.category(), korean);
    Voice voice = leadItem == null ? ANY : VOICES.getOrDefault(leadItem.category(), ANY);
    List<String> matched = matchedInterests(request, products);
    Optional<String> unsupported =
        korean ? Optional.empty() : Language.unsupported(request.prompt());

    String title;
    String callToAction;
    StringBuilder content = new StringBuilder();
    if (korean) {
      String name = request.user().nameKo();
      title =
          lead == null
              ? name + "님을 위한 맞춤 피드"
              : name + "님을 위한 " + titleKo(intent, topCategory) + ": " + lead;
      content
          .append(name)
          .append("님, \"")
          .append(request.prompt().strip())
          .append("\"에 ")
          .append(openingKo(intent, voice))
          .append('\n');
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
      if (intent == PromptIntent.BUDGET && leadItem != null) {
        content.append("가장 부담 없는 선택은 ").append(price(leadItem, true)).append("부터예요.\n");
      }
      content.append(
          matched.isEmpty()
              ? "요청하신 내용을 기준으로 골랐어요."
              : "관심사(" + names(matched, categories, true) + ")에 맞춰 준비했어요.");
      callToAction = lead == null ? "피드에서 더 둘러보세요" : ctaKo(intent, lead);
    } else {
      String name = request.user().nameEn();
      unsupported.ifPresent(
          language ->
              content
                  .append("Note: posts in ")
                  .append(language)
                  .append(" are not supported yet, so this one is written in English.\n"));
      title =
          lead == null
              ? "A feed picked for " + name
              : titleEn(intent, topCategory) + " for " + name + ": " + lead;
      content
          .append(name)
          .append(", for \"")
          .append(request.prompt().strip())
          .append("\": ")
          .append(openingEn(intent, voice))
          .append(".\n");
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
      if (intent == PromptIntent.BUDGET && leadItem != null) {
        content.append("The lightest on the wallet: ").append(price(leadItem, false)).append(".\n");
      }
      content.append(
          matched.isEmpty()
              ? "Picked from what you asked for."
              : "Chosen for your interests: " + names(matched, categories, false) + ".");
      callToAction = lead == null ? "Explore more in your feed" : ctaEn(intent, lead);
    }

    return new WrittenPost(
        title,
        content.toString(),
        hashtags(products, categories, intent, korean),
        callToAction,
        products.stream().map(Product::id).toList(),
        campaigns.stream().map(Campaign::id).toList(),
        ImagePrompts.forPost(title, products.stream().map(Product::id).toList(), products),
        PROVIDER);
  }

  /** A budget prompt leads with the cheapest item; otherwise retrieval's order stands. */
  private static List<Product> ordered(List<Product> products, PromptIntent intent) {
    if (intent != PromptIntent.BUDGET) {
      return products;
    }
    return products.stream().sorted(Comparator.comparingLong(Product::price)).toList();
  }

  /** The user's interests that at least one of the items belongs to, in the user's order. */
  private static List<String> matchedInterests(WritePostRequest request, List<Product> products) {
    Set<String> categories = products.stream().map(Product::category).collect(Collectors.toSet());
    return request.user().interests().stream().filter(categories::contains).toList();
  }

  private static String titleKo(PromptIntent intent, String category) {
    return switch (intent) {
      case GIFT -> "선물하기 좋은 " + category;
      case BUDGET -> "가성비 " + category;
      case NEW -> "요즘 뜨는 " + category;
      case GENERAL -> category + " 픽";
    };
  }

  private static String titleEn(PromptIntent intent, String category) {
    return switch (intent) {
      case GIFT -> category + " gifts";
      case BUDGET -> "Budget " + category + " picks";
      case NEW -> "Trending in " + category;
      case GENERAL -> category + " pick";
    };
  }

  private static String openingKo(PromptIntent intent, Voice voice) {
    return switch (intent) {
      case GIFT -> "마음을 전하기 좋은 선물을 골랐어요. " + voice.ko() + " 아이템이에요.";
      case BUDGET -> "부담 없는 가격으로 고른 " + voice.ko() + " 아이템이에요.";
      case NEW -> "요즘 주목받는 " + voice.ko() + " 아이템을 모았어요.";
      case GENERAL -> "어울리는 " + voice.ko() + " 아이템을 골랐어요.";
    };
  }

  private static String openingEn(PromptIntent intent, Voice voice) {
    return switch (intent) {
      case GIFT -> "gift ideas " + voice.en();
      case BUDGET -> "easy-on-the-wallet picks " + voice.en();
      case NEW -> "new and trending picks " + voice.en();
      case GENERAL -> "picks " + voice.en();
    };
  }

  private static String ctaKo(PromptIntent intent, String lead) {
    return switch (intent) {
      case GIFT -> lead + " 선물하기";
      case BUDGET -> lead + " 가격 확인하기";
      case NEW -> lead + " 먼저 만나보기";
      case GENERAL -> lead + " 지금 확인하기";
    };
  }

  private static String ctaEn(PromptIntent intent, String lead) {
    return switch (intent) {
      case GIFT -> "Gift " + lead + " today";
      case BUDGET -> "See the price of " + lead;
      case NEW -> "Be first to try " + lead;
      case GENERAL -> "Check out " + lead + " now";
    };
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

  private static String names(List<String> keys, Map<String, Category> categories, boolean korean) {
    return keys.stream()
        .map(key -> categoryName(categories, key, korean))
        .collect(Collectors.joining(", "));
  }

  /**
   * Category, intent, then the items: their Korean names (no spaces) for a Korean post, their
   * English tags for an English one.
   */
  private static List<String> hashtags(
      List<Product> products,
      Map<String, Category> categories,
      PromptIntent intent,
      boolean korean) {
    Set<String> tags = new LinkedHashSet<>();
    for (Product p : products) {
      tags.add(categoryName(categories, p.category(), korean).replace(" ", ""));
    }
    tags.add(intent.hashtag(korean));
    for (Product p : products) {
      if (korean) {
        String compact = p.nameKo().replaceAll("[^\\p{L}\\p{N}]", "");
        tags.add(compact.length() > MAX_NAME_TAG ? compact.substring(0, MAX_NAME_TAG) : compact);
      } else {
        for (String tag : p.tags()) {
          tags.add(tag.replaceAll("[^\\p{L}\\p{N}]", ""));
        }
      }
    }
    List<String> result = new ArrayList<>();
    for (String tag : tags) {
      if (result.size() == MAX_HASHTAGS) {
        break;
      }
      if (!tag.isEmpty()) {
        result.add("#" + tag);
      }
    }
    return result;
  }
}
