package com.aiagent.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.media.GenerateImageRequest.Category;
import com.aiagent.media.GenerateImageRequest.Product;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LocalImageRendererTest {
  private static final Product COAT =
      new Product("prod_001", "fashion", "오버핏 울 블렌드 코트", "Oversized Wool Blend Coat", 189000);
  private static final List<Category> CATEGORIES =
      List.of(
          new Category("fashion", "패션", "Fashion", "#D81B60"),
          new Category("pets", "반려동물", "Pets", "#FDD835"));

  @Test
  void theShippedFontRendersHangul() {
    for (Font font : List.of(CardFont.regular(20), CardFont.bold(20))) {
      assertThat(font.getFamily()).containsIgnoringCase("nanum");
      assertThat(font.canDisplayUpTo(COAT.nameKo())).isEqualTo(-1);
      assertThat(font.canDisplayUpTo(LocalImageRenderer.AI_MARK)).isEqualTo(-1);
      assertThat(font.canDisplayUpTo(LocalImageRenderer.CALL_TO_ACTION)).isEqualTo(-1);
      assertThat(font.canDisplayUpTo("반려동물 · 189,000원 KRW")).isEqualTo(-1);
    }
  }

  @Test
  void drawsAnAdCardThatEncodesToWebpAndDecodes() throws Exception {
    BufferedImage card =
        new LocalImageRenderer(512, 512)
            .render(new GenerateImageRequest("코트 추천", "p", List.of(COAT), CATEGORIES));

    Set<Integer> colours = new HashSet<>();
    int brandLike = 0;
    int dark = 0;
    for (int y = 0; y < 512; y += 2) {
      for (int x = 0; x < 512; x += 2) {
        int rgb = card.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (r > 150 && g < 120 && b > 60 && b < 160) {
          brandLike++;
        }
        if (r + g + b < 200) {
          dark++;
        }
      }
    }
    assertThat(colours.size()).as("not a blank or flat picture").isGreaterThan(200);
    assertThat(brandLike).as("the brand colour covers a band").isGreaterThan(5_000);
    assertThat(dark).as("there is dark text (name, mark)").isGreaterThan(500);
    // The text half of the card (names, price) holds ink below the band.
    int inkBelowBand = 0;
    for (int y = 250; y < 400; y++) {
      for (int x = 30; x < 480; x++) {
        int rgb = card.getRGB(x, y) & 0xffffff;
        if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) < 300) {
          inkBelowBand++;
        }
      }
    }
    assertThat(inkBelowBand).isGreaterThan(1_000);

    byte[] webp = new WebpEncoder(80).encode(card);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(webp));
    assertThat(decoded.getWidth()).isEqualTo(512);
    assertThat(decoded.getHeight()).isEqualTo(512);
  }

  @Test
  void everyCategoryHasItsOwnPictogram() {
    Set<String> outlines = new HashSet<>();
    for (String category :
        List.of(
            "fashion",
            "beauty",
            "food",
            "travel",
            "fitness",
            "electronics",
            "home",
            "books",
            "pets",
            "kids")) {
      var shapes = CategoryPictogram.shapes(category, 0, 0, 100);
      assertThat(shapes).as(category).isNotEmpty();
      outlines.add(shapes.stream().map(s -> s.getBounds2D().toString()).reduce("", String::concat));
    }
    assertThat(outlines).hasSize(10);
  }
}
