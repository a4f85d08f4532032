package com.aiagent.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.seed.DemoData;
import com.aiagent.store.ItemType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BM25 over the demo catalogue: exact names, Korean compounds, concepts, campaign windows. */
class CatalogIndexTest {
  private static CatalogIndex index;

  @BeforeAll
  static void build() {
    DemoData demo = DemoData.load();
    index =
        CatalogIndex.build(
            (StandardShoppingText) ShoppingText.standard(),
            CatalogDocuments.items(
                demo.categories(), demo.products(), demo.campaigns(), demo.contents()));
  }

  private static List<String> products(String query) {
    return index.search(ItemType.PRODUCT, query, 5, null).stream().map(LexicalHit::id).toList();
  }

  @Test
  void anExactNameOrBrandComesFirst() {
    assertThat(products("Chelsea boots")).first().isEqualTo("prod_004");
    assertThat(products("하드쉘 캐리어")).first().isEqualTo("prod_031");
    // The advertiser's name lives in the campaign only.
    assertThat(
            index.search(ItemType.CAMPAIGN, "Maison Lune", 3, null).stream()
                .map(LexicalHit::id)
                .toList())
        .first()
        .isEqualTo("camp_001");
  }

  @Test
  void aKoreanCompoundFindsTheProductNamedByItsPart() {
    assertThat(products("여행용 목베개")).first().isEqualTo("prod_033");
    assertThat(products("장마철 아이 우비")).first().isEqualTo("prod_093");
  }

  @Test
  void aConceptBridgesTheLanguagesWhereNoWordIsShared() {
    // No English word of the prompt appears in the raincoat's texts except through the lexicon.
    assertThat(products("umbrella weather for my toddler")).contains("prod_093");
  }

  @Test
  void campaignsOutOfTheirWindowAreNotFound() {
    Instant longBefore = Instant.parse("2020-01-01T00:00:00Z");
    assertThat(index.search(ItemType.CAMPAIGN, "Maison Lune", 3, longBefore)).isEmpty();
  }

  @Test
  void aQueryWithoutSearchableWordsFindsNothing() {
    assertThat(products("추천해줘 please")).isEmpty();
    assertThat(products("")).isEmpty();
  }
}
