package com.aiagent.store;

import java.util.List;

/** A member of the platform; {@code interests} are category keys. */
public record User(
    String id, String nameKo, String nameEn, List<String> interests, String bioKo, String bioEn) {

  /** The text that stands for the user's taste when it is embedded. */
  public String profileText() {
    return bioKo + " " + bioEn + " " + String.join(" ", interests);
  }
}
