package com.aiagent.llm;

/** The language a post is written in: the prompt's when supported (Korean or English). */
public enum Language {
  KO,
  EN;

  /**
   * The language the prompt is mostly written in when it is neither Korean nor English (by script:
   * Japanese kana, Chinese characters, Cyrillic, Thai, Arabic...), else empty. Such a prompt gets
   * an English post that says so.
   */
  public static java.util.Optional<String> unsupported(String text) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    int letters = 0;
    boolean kana = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      kana |=
          script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
      String name =
          switch (script) {
            case LATIN, HANGUL -> null;
            case HIRAGANA, KATAKANA -> "Japanese";
            case HAN -> "Chinese";
            case CYRILLIC -> "Russian";
            case THAI -> "Thai";
            case ARABIC -> "Arabic";
            case GREEK -> "Greek";
            case HEBREW -> "Hebrew";
            case DEVANAGARI -> "Hindi";
            default -> "another language";
          };
      if (name != null) {
        counts.merge(name, 1, Integer::sum);
      }
    }
    if (kana && counts.containsKey("Chinese")) {
      // Japanese writes kanji beside kana.
      counts.merge("Japanese", counts.remove("Chinese"), Integer::sum);
    }
    int total = letters;
    return counts.entrySet().stream()
        .filter(e -> e.getValue() * 2 > total)
        .map(java.util.Map.Entry::getKey)
        .findFirst();
  }

  /** Korean when at least a third of the letters are Hangul, else English. */
  public static Language detect(String text) {
    int letters = 0;
    int hangul = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL) {
          hangul++;
        }
      }
      i += Character.charCount(cp);
    }
    return letters > 0 && hangul * 3 >= letters ? KO : EN;
  }
}
