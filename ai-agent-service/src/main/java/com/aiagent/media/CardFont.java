package com.aiagent.media;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of the local ad card: NanumSquare (SIL Open Font License 1.1, taken from Debian's
 * fonts-nanum package; licence beside it in {@code fonts/NANUM-LICENSE.txt}), shipped on the class
 * path so Hangul renders the same on a laptop, in CI and in a slim container that has no fonts
 * installed. Loaded once, on first use (a worker thread: it reads 0.7 MB per weight).
 */
final class CardFont {
  static final String REGULAR = "fonts/NanumSquareR.ttf";
  static final String BOLD = "fonts/NanumSquareB.ttf";

  private static final class Loaded {
    static final Font REGULAR_FONT = load(REGULAR);
    static final Font BOLD_FONT = load(BOLD);
  }

  private CardFont() {}

  /**
   * Loads both faces now. Font.createFont registers a shutdown hook for its temporary file, so a
   * first load after SIGTERM fails (and the class stays unusable): the module loads them at start.
   */
  static void preload() {
    regular(12f);
    bold(12f);
  }

  static Font regular(float size) {
    return Loaded.REGULAR_FONT.deriveFont(size);
  }

  static Font bold(float size) {
    return Loaded.BOLD_FONT.deriveFont(size);
  }

  private static Font load(String path) {
    try (InputStream in = CardFont.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("font " + path + " is not on the class path");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + path, e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font " + path + " is not a TrueType font", e);
    }
  }
}
