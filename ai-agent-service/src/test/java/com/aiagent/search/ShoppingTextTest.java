package com.aiagent.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.search.ShoppingText.Concept;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The concept lexicon: everyday words of both languages meet on one shared concept. */
class ShoppingTextTest {
  private final ShoppingText text = ShoppingText.standard();

  private List<String> concepts(String value) {
    return text.analyze(value).concepts().stream().map(Concept::name).toList();
  }

  @Test
  void koreanAndEnglishWordsForRainGearNameTheSameConcept() {
    assertThat(concepts("장마철 등원할 때")).contains("raingear");
    assertThat(concepts("우산 하나 살까")).contains("raingear");
    assertThat(concepts("rainy day gear for my toddler")).contains("raingear", "kids");
    assertThat(concepts("raincoats")).contains("raingear");
  }

  @Test
  void aConceptCarriesItsCategoryAndAnOccasionCarriesNone() {
    assertThat(text.analyze("고양이 모래").concepts()).contains(new Concept("litter", "pets"));
    assertThat(text.analyze("생일 선물").concepts()).contains(new Concept("gift", ""));
  }

  @Test
  void aPhraseMatchesOnlyWhenItsWordsFollowEachOther() {
    assertThat(concepts("long-haul flight")).contains("flight-comfort");
    assertThat(concepts("눈 오는 날 신발")).contains("snow-boots");
    // 눈 alone is an eye, not snow: only the phrase names snow boots.
    assertThat(concepts("눈 안 아프게 책 읽기")).doesNotContain("snow-boots");
  }

  @Test
  void aMalformedLexiconLineIsRefusedWithItsNumber() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ConceptLexicon(new StringReader("# c\nonly-two\tcells\n"), List::of))
        .hasMessageContaining("line 2");
  }
}
