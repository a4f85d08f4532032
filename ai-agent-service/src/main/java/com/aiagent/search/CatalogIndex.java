package com.aiagent.search;

import com.aiagent.search.ShoppingText.Concept;
import com.aiagent.store.ItemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * An immutable in-memory Lucene index of products and campaigns, searched with BM25 over three
 * fields: {@code ko} (nori), {@code en} (English analyzer with stemming) and {@code concepts} (the
 * lexicon's concepts of both texts, so a Korean prompt meets an English-only word and the reverse).
 * A new catalogue builds a new index, swapped in whole; searching one is thread-safe.
 */
final class CatalogIndex {
  static final String KO = "ko";
  static final String EN = "en";
  static final String CONCEPTS = "concepts";
  static final String CATEGORY = "category";

  /** Concepts weigh a little above single words: they carry the everyday synonyms. */
  private static final float CONCEPT_BOOST = 1.5f;

  /**
   * A prompt's concepts vote for their categories, so the slots after the best word matches go to
   * items of the category asked about rather than to items sharing one stray word.
   */
  private static final float CATEGORY_BOOST = 1.0f;

  private final StandardShoppingText text;
  private final IndexSearcher searcher;
  private final Map<String, IndexedItem> items;

  private CatalogIndex(
      StandardShoppingText text, IndexSearcher searcher, Map<String, IndexedItem> items) {
    this.text = text;
    this.searcher = searcher;
    this.items = items;
  }

  /** Indexes the items (CPU-bound: call it off the event loop). */
  static CatalogIndex build(StandardShoppingText text, List<IndexedItem> items) {
    ShoppingAnalyzers analyzers = text.analyzers();
    PerFieldAnalyzerWrapper perField =
        new PerFieldAnalyzerWrapper(
            new WhitespaceAnalyzer(), Map.of(KO, analyzers.korean(), EN, analyzers.english()));
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
      for (IndexedItem item : items) {
        Document doc = new Document();
        doc.add(new StringField("id", item.id(), Field.Store.YES));
        doc.add(new StringField("type", item.type().name(), Field.Store.NO));
        doc.add(new StringField(CATEGORY, item.category(), Field.Store.NO));
        doc.add(new TextField(KO, item.textKo(), Field.Store.NO));
        doc.add(new TextField(EN, item.textEn(), Field.Store.NO));
        doc.add(
            new TextField(
                CONCEPTS,
                concepts(text, item.textKo() + "\n" + item.textEn()).stream()
                    .map(Concept::name)
                    .collect(Collectors.joining(" ")),
                Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      DirectoryReader reader = DirectoryReader.open(directory);
      return new CatalogIndex(
          text,
          new IndexSearcher(reader),
          items.stream()
              .collect(Collectors.toUnmodifiableMap(IndexedItem::id, Function.identity())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CatalogIndex empty(StandardShoppingText text) {
    return build(text, List.of());
  }

  int size() {
    return items.size();
  }

  /**
   * The items of {@code type} best matching {@code query} by BM25, live at {@code liveAt} (null:
   * any time), at most {@code limit}; an empty list when the query has no searchable word.
   */
  List<LexicalHit> search(ItemType type, String query, int limit, Instant liveAt) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    int clauses = 0;
    ShoppingAnalyzers analyzers = text.analyzers();
    for (Query q :
        new Query[] {
          new QueryBuilder(analyzers.korean()).createBooleanQuery(KO, query),
          new QueryBuilder(analyzers.english()).createBooleanQuery(EN, query)
        }) {
      if (q != null) {
        words.add(q, Occur.SHOULD);
        clauses++;
      }
    }
    Set<String> concepts = new LinkedHashSet<>();
    Map<String, Integer> votes = new java.util.TreeMap<>();
    for (Concept concept : concepts(text, query)) {
      concepts.add(concept.name());
      if (!concept.category().isEmpty()) {
        votes.merge(concept.category(), 1, Integer::sum);
      }
    }
    for (String concept : concepts) {
      words.add(
          new BoostQuery(new TermQuery(new Term(CONCEPTS, concept)), CONCEPT_BOOST), Occur.SHOULD);
      clauses++;
    }
    for (Map.Entry<String, Integer> vote : votes.entrySet()) {
      words.add(
          new BoostQuery(
              new TermQuery(new Term(CATEGORY, vote.getKey())), CATEGORY_BOOST * vote.getValue()),
          Occur.SHOULD);
    }
    if (clauses == 0 || items.isEmpty()) {
      return List.of();
    }
    Query filtered =
        new BooleanQuery.Builder()
            .add(words.build(), Occur.MUST)
            .add(new TermQuery(new Term("type", type.name())), Occur.FILTER)
            .build();
    try {
      // Over-fetch when some hits may be campaigns out of their window.
      int fetch = liveAt == null ? limit : limit * 4;
      List<LexicalHit> hits = new ArrayList<>();
      for (ScoreDoc doc : searcher.search(filtered, Math.max(1, fetch)).scoreDocs) {
        String id = searcher.storedFields().document(doc.doc).get("id");
        if (items.get(id).liveAt(liveAt)) {
          hits.add(new LexicalHit(id, doc.score));
          if (hits.size() == limit) {
            break;
          }
        }
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Concept> concepts(StandardShoppingText text, String value) {
    return text.analyze(value).concepts();
  }
}
