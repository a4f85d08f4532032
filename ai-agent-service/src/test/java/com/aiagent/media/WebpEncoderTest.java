package com.aiagent.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.media.GenerateImageRequest.Category;
import com.aiagent.media.GenerateImageRequest.Product;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class WebpEncoderTest {
  private static final List<Category> CATEGORIES =
      List.of(new Category("fashion", "패션", "Fashion", "#E4572E"));
  private static final List<Product> PRODUCTS =
      List.of(new Product("prod_001", "fashion", "린넨 셔츠", "Linen Shirt", 39000));

  static {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void encodesAWebpThatDecodesToTheSameSize() throws Exception {
    BufferedImage picture =
        new LocalImageRenderer(320, 240)
            .render(new GenerateImageRequest("Linen pick", "p", PRODUCTS, CATEGORIES));
    byte[] webp = new WebpEncoder(80).encode(picture);

    assertThat(new String(Arrays.copyOfRange(webp, 0, 4), StandardCharsets.US_ASCII))
        .isEqualTo("RIFF");
    assertThat(new String(Arrays.copyOfRange(webp, 8, 12), StandardCharsets.US_ASCII))
        .isEqualTo("WEBP");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(webp));
    assertThat(decoded.getWidth()).isEqualTo(320);
    assertThat(decoded.getHeight()).isEqualTo(240);
  }

  @Test
  void picturesTakeTheColoursOfTheirItemsAndAreDeterministic() {
    LocalImageRenderer renderer = new LocalImageRenderer(128, 128);
    GenerateImageRequest request = new GenerateImageRequest("제목", "p", PRODUCTS, CATEGORIES);
    BufferedImage a = renderer.render(request);
    BufferedImage b = renderer.render(request);
    assertThat(a.getRGB(0, 0, 128, 128, null, 0, 128))
        .containsExactly(b.getRGB(0, 0, 128, 128, null, 0, 128));
    int corner = a.getRGB(1, 1);
    int red = (corner >> 16) & 0xff;
    int blue = corner & 0xff;
    assertThat(red).as("fashion is drawn in its warm category colour").isGreaterThan(blue);
  }

  @Test
  void onlyUuidWebpNamesAreAccepted() {
    assertThat(MediaNames.isValid(MediaNames.newName())).isTrue();
    for (String bad :
        List.of(
            "../etc/passwd",
            "a.webp",
            "3F2504E0-4F89-11D3-9A0C-0305E82C3301.webp",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301.png",
            "")) {
      assertThat(MediaNames.isValid(bad)).as(bad).isFalse();
    }
  }
}
