package com.aiagent.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads an evaluation set: tab-separated {@code id, split, lang, category, product_ids, prompt}
 * with a header line; lines starting with {@code #} are comments. A malformed line stops the
 * command with its line number.
 */
public final class EvalSet {
  /** The set shipped in the jar: 220 prompts, half Korean, half English. */
  public static final String SHIPPED = "eval/retrieval.tsv";

  private static final Set<String> SPLITS = Set.of("tune", "test");
  private static final Set<String> LANGS = Set.of("ko", "en");

  private EvalSet() {}

  /** The shipped set, or the file at {@code path} when one is given. */
  public static List<EvalPrompt> load(Path path) {
    try (Reader reader =
        path == null ? shipped() : Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(reader, path == null ? SHIPPED : path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<EvalPrompt> parse(Reader source, String name) throws IOException {
    List<EvalPrompt> prompts = new ArrayList<>();
    BufferedReader reader = new BufferedReader(source);
    String line;
    int number = 0;
    boolean header = true;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        if (line.startsWith("id\t")) {
          continue;
        }
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 6
          || !SPLITS.contains(cells[1])
          || !LANGS.contains(cells[2])
          || cells[3].isBlank()
          || cells[5].isBlank()) {
        throw new IllegalArgumentException(
            name
                + " line "
                + number
                + ": expected id, split (tune|test), lang (ko|en), category, product_ids, prompt");
      }
      List<String> ids =
          cells[4].isBlank()
              ? List.of()
              : Arrays.stream(cells[4].split(",")).map(String::trim).toList();
      prompts.add(new EvalPrompt(cells[0], cells[1], cells[2], cells[3], ids, cells[5].trim()));
    }
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException(name + ": no prompts");
    }
    return prompts;
  }

  private static Reader shipped() {
    InputStream in = EvalSet.class.getClassLoader().getResourceAsStream(SHIPPED);
    if (in == null) {
      throw new IllegalStateException(SHIPPED + " is missing from the classpath");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
