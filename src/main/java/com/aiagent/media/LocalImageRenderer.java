package com.aiagent.media;

import com.aiagent.media.GenerateImageRequest.Category;
import com.aiagent.media.GenerateImageRequest.Product;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offline picture: a gradient in the colours of the items' categories, one shape per item
 * (placed and sized from its id and price, so the same post always draws the same picture) and the
 * title on a card when the installed fonts can render every character of it.
 */
public final class LocalImageRenderer {
  private static final Color FALLBACK = new Color(0x5B6EE1);

  private final int width;
  private final int height;

  public LocalImageRenderer(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public BufferedImage render(GenerateImageRequest request) {
    Map<String, Color> colours =
        request.categories().stream()
            .collect(Collectors.toMap(Category::key, c -> Color.decode(c.color()), (a, b) -> a));
    List<Product> products = request.products();
    Color first =
        products.isEmpty() ? FALLBACK : colours.getOrDefault(products.get(0).category(), FALLBACK);
    Color last =
        products.isEmpty()
            ? FALLBACK.darker()
            : colours.getOrDefault(products.get(products.size() - 1).category(), FALLBACK).darker();

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setPaint(new GradientPaint(0, 0, lighter(first), width, height, last));
      g.fillRect(0, 0, width, height);
      drawItems(g, products, colours);
      drawTitle(g, request.title(), products);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawItems(Graphics2D g, List<Product> products, Map<String, Color> colours) {
    long maxPrice = products.stream().mapToLong(Product::price).max().orElse(1);
    for (int i = 0; i < products.size(); i++) {
      Product p = products.get(i);
      long h = hash(p.id());
      double size =
          Math.min(width, height) * (0.18 + 0.22 * p.price() / (double) Math.max(1, maxPrice));
      double x = (width - size) * ((h & 0xffff) / 65535.0);
      double y = (height * 0.7 - size) * (((h >>> 16) & 0xffff) / 65535.0);
      Color colour = colours.getOrDefault(p.category(), FALLBACK);
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.75f));
      g.setColor(i % 2 == 0 ? lighter(colour) : colour.darker());
      if (((h >>> 32) & 1) == 0) {
        g.fill(new Ellipse2D.Double(x, y, size, size));
      } else {
        g.fill(new RoundRectangle2D.Double(x, y, size, size * 0.8, size / 4, size / 4));
      }
      g.setComposite(AlphaComposite.SrcOver);
    }
  }

  private void drawTitle(Graphics2D g, String title, List<Product> products) {
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 20));
    String text = renderable(font, title);
    if (text == null && !products.isEmpty()) {
      text = renderable(font, products.get(0).nameEn());
    }
    if (text == null) {
      return;
    }
    g.setFont(font);
    int cardHeight = height / 6;
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(
        new RoundRectangle2D.Double(
            width * 0.05, height - cardHeight * 1.3, width * 0.9, cardHeight, 24, 24));
    g.setColor(new Color(0x222222));
    String line = fit(g, text, (int) (width * 0.84));
    int textWidth = g.getFontMetrics().stringWidth(line);
    int baseline =
        (int) (height - cardHeight * 1.3 + cardHeight / 2.0 + g.getFontMetrics().getAscent() / 2.5);
    g.drawString(line, (width - textWidth) / 2, baseline);
  }

  /** The text if every character has a glyph in the font, else null: no tofu boxes. */
  private static String renderable(Font font, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return font.canDisplayUpTo(text) == -1 ? text : null;
  }

  private static String fit(Graphics2D g, String text, int maxWidth) {
    if (g.getFontMetrics().stringWidth(text) <= maxWidth) {
      return text;
    }
    String cut = text;
    while (cut.length() > 1 && g.getFontMetrics().stringWidth(cut + "…") > maxWidth) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut.strip() + "…";
  }

  private static Color lighter(Color c) {
    Function<Integer, Integer> up = v -> Math.min(255, v + (255 - v) / 2);
    return new Color(up.apply(c.getRed()), up.apply(c.getGreen()), up.apply(c.getBlue()));
  }

  private static long hash(String id) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash ^ (hash >>> 29);
  }
}
