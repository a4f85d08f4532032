package com.aiagent.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The three analyzers of the search module, built once from the shipped user dictionary and stop
 * words: Korean (nori morphemes; compounds split, the whole word kept beside its parts), English
 * (Lucene's English analyzer: possessives, stop words, Porter stemming), and bilingual (nori's
 * tokenizer, which passes Latin words through, followed by both filter chains) for texts that mix
 * both languages, as prompts and the embedder's inputs do.
 */
final class ShoppingAnalyzers {
  private final UserDictionary dictionary;
  private final CharArraySet stopWords;
  private final Analyzer korean;
  private final Analyzer english;
  private final Analyzer bilingual;

  ShoppingAnalyzers() {
    this.dictionary = userDictionary();
    this.stopWords = stopWords();
    this.korean = nori(false);
    this.english = new EnglishAnalyzer(stopWords);
    this.bilingual = nori(true);
  }

  Analyzer korean() {
    return korean;
  }

  Analyzer english() {
    return english;
  }

  Analyzer bilingual() {
    return bilingual;
  }

  /** The tokens an analyzer makes of a text, in order (a compound's parts follow the whole). */
  static List<String> tokens(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  private Analyzer nori(boolean withEnglish) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        // MIXED keeps 장마철 beside 장마 and 철, so a compound and its parts both match.
        Tokenizer tokenizer =
            new KoreanTokenizer(
                TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                dictionary,
                KoreanTokenizer.DecompoundMode.MIXED,
                false);
        TokenStream stream =
            new KoreanPartOfSpeechStopFilter(
                tokenizer, KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
        stream = new KoreanReadingFormFilter(stream);
        stream = new LowerCaseFilter(stream);
        if (withEnglish) {
          stream = new EnglishPossessiveFilter(stream);
        }
        stream = new StopFilter(stream, stopWords);
        if (withEnglish) {
          stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  private static UserDictionary userDictionary() {
    try (Reader reader = resource("search/userdict_ko.txt")) {
      return UserDictionary.open(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CharArraySet stopWords() {
    try (Reader reader = resource("search/stopwords.txt")) {
      List<String> words =
          new java.io.BufferedReader(reader)
              .lines()
              .map(String::trim)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .collect(Collectors.toList());
      CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
      set.addAll(words);
      return CharArraySet.unmodifiableSet(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reader resource(String path) {
    InputStream in = ShoppingAnalyzers.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(path + " is missing from the classpath");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
