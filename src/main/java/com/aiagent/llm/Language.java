package com.aiagent.llm;

/** The language a post is written in: the prompt's. */
public enum Language {
  KO,
  EN;

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
