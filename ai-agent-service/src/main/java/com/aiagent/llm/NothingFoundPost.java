package com.aiagent.llm;

import com.aiagent.llm.WritePostRequest.Category;
import java.util.List;
import java.util.Map;

/**
 * The honest post when retrieval found nothing relevant: it says no product matched the request and
 * suggests the closest categories, naming no product and no campaign.
 */
final class NothingFoundPost {
  private NothingFoundPost() {}

  static WrittenPost write(
      WritePostRequest request, Map<String, Category> categories, String provider) {
    boolean korean = request.language() == Language.KO;
    List<String> names =
        request.closestCategories().stream()
            .map(key -> categories.get(key))
            .filter(c -> c != null)
            .map(c -> korean ? c.nameKo() : c.nameEn())
            .toList();
    String prompt = request.prompt().strip();
    String title;
    String content;
    String callToAction;
    if (korean) {
      String name = request.user().nameKo();
      title = name + "님, 딱 맞는 상품을 아직 찾지 못했어요";
      content =
          name
              + "님, \""
              + prompt
              + "\"에 맞는 상품을 지금 카탈로그에서 찾지 못했어요. 관련 없는 상품을 억지로 추천하지 않을게요.\n"
              + (names.isEmpty()
                  ? "요청을 조금 다르게 적어 주시면 다시 찾아볼게요."
                  : "가장 가까운 카테고리는 " + String.join(", ", names) + "예요. 이쪽을 둘러보시겠어요?");
      callToAction = names.isEmpty() ? "요청을 바꿔 다시 찾아보세요" : names.get(0) + " 카테고리 둘러보기";
    } else {
      String name = request.user().nameEn();
      title = "Nothing in the catalogue fits this yet, " + name;
      content =
          name
              + ", we found no product that matches \""
              + prompt
              + "\", so we won't push unrelated ones.\n"
              + (names.isEmpty()
                  ? "Try describing it another way and we'll look again."
                  : "The closest categories are " + String.join(", ", names) + ": worth a look?");
      callToAction = names.isEmpty() ? "Try another request" : "Browse " + names.get(0);
    }
    return new WrittenPost(
        title,
        content,
        names.stream().map(n -> n.replace(" ", "")).toList(),
        callToAction,
        List.of(),
        List.of(),
        ImagePrompts.forPost(title, List.of(), List.of()),
        provider);
  }
}
