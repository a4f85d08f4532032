package com.aiagent.media;

import com.aiagent.media.GenerateImageRequest.Category;
import com.aiagent.media.GenerateImageRequest.Product;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The offline picture: an ad card for the post's lead item, the kind a marketer can show in a demo.
 * A band in the brand colour (the item's category colour) with the category's pictogram drawn in
 * Java2D shapes, the product's Korean and English names, its price in won, a call to action, and
 * the "AI 생성 · AI-generated" mark, all set in {@link CardFont} so Hangul renders everywhere. The
 * same request always draws the same card.
 */
public final class LocalImageRenderer {
  static final String AI_MARK = "AI 생성 · AI-generated";
  static final String CALL_TO_ACTION = "지금 확인하기 · Shop now";
  private static final Color FALLBACK = new Color(0x5B6EE1);
  private static final Color INK = new Color(0x1F2330);
  private static final Color MUTED = new Color(0x5F6472);

  private final int width;
  private final int height;

  public LocalImageRenderer(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public BufferedImage render(GenerateImageRequest request) {
    Map<String, Category> categories =
        request.categories().stream().collect(Collectors.toMap(Category::key, c -> c, (a, b) -> a));
    Product lead = request.products().isEmpty() ? null : request.products().get(0);
    Category category = lead == null ? null : categories.get(lead.category());
    Color brand = category == null ? FALLBACK : Color.decode(category.color());

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(new Color(0xFAFAF7));
      g.fillRect(0, 0, width, height);
      double band = height * 0.46;
      g.setPaint(new GradientPaint(0, 0, lighter(brand), width, (float) band, brand));
      g.fill(new Rectangle2D.Double(0, 0, width, band));
      drawPictogram(g, lead == null ? "" : lead.category(), brand, band);
      drawCategoryChip(g, category, brand);
      drawText(g, request, lead, brand, band);
      drawMark(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  private double unit() {
    return Math.min(width, height) / 512.0;
  }

  private void drawPictogram(Graphics2D g, String category, Color brand, double band) {
    double size = band * 0.62;
    double x = width - size - width * 0.08;
    double y = (band - size) / 2;
    g.setColor(new Color(255, 255, 255, 230));
    g.fill(new Ellipse2D.Double(x, y, size, size));
    double inset = size * 0.22;
    g.setColor(brand.darker());
    g.setStroke(
        new BasicStroke((float) (size * 0.045), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (Shape shape : CategoryPictogram.shapes(category, x + inset, y + inset, size - 2 * inset)) {
      if (shape instanceof Line2D || shape instanceof Arc2D arc && arc.getArcType() == Arc2D.OPEN) {
        g.draw(shape);
      } else {
        g.fill(shape);
      }
    }
  }

  private void drawCategoryChip(Graphics2D g, Category category, Color brand) {
    if (category == null) {
      return;
    }
    String label = category.nameKo() + " · " + category.nameEn();
    Font font = CardFont.bold((float) (18 * unit()));
    g.setFont(font);
    FontMetrics m = g.getFontMetrics();
    double pad = 10 * unit();
    double x = width * 0.07;
    double y = height * 0.06;
    double w = m.stringWidth(label) + 2 * pad;
    double h = m.getHeight() + pad;
    g.setColor(new Color(255, 255, 255, 235));
    g.fill(new RoundRectangle2D.Double(x, y, w, h, h, h));
    g.setColor(brand.darker());
    g.drawString(label, (float) (x + pad), (float) (y + pad / 2 + m.getAscent()));
  }

  private void drawText(
      Graphics2D g, GenerateImageRequest request, Product lead, Color brand, double band) {
    double left = width * 0.07;
    double maxWidth = width * 0.86;
    double y = band + 20 * unit();
    String korean = lead == null ? request.title() : lead.nameKo();
    String english = lead == null ? null : lead.nameEn();

    Font nameFont = CardFont.bold((float) (34 * unit()));
    g.setFont(nameFont);
    g.setColor(INK);
    for (String line : wrap(g, korean == null ? "" : korean, maxWidth, 2)) {
      y += g.getFontMetrics().getAscent();
      g.drawString(line, (float) left, (float) y);
      y += g.getFontMetrics().getDescent();
    }
    if (english != null) {
      g.setFont(CardFont.regular((float) (20 * unit())));
      g.setColor(MUTED);
      y += g.getFontMetrics().getAscent() + 2 * unit();
      g.drawString(fit(g, english, maxWidth), (float) left, (float) y);
    }

    if (lead != null) {
      String amount = NumberFormat.getIntegerInstance(Locale.US).format(lead.price());
      g.setFont(CardFont.bold((float) (30 * unit())));
      g.setColor(brand.darker());
      y += g.getFontMetrics().getAscent() + 14 * unit();
      String won = amount + "원";
      g.drawString(won, (float) left, (float) y);
      int wonWidth = g.getFontMetrics().stringWidth(won);
      g.setFont(CardFont.regular((float) (17 * unit())));
      g.setColor(MUTED);
      g.drawString("KRW " + amount, (float) (left + wonWidth + 12 * unit()), (float) y);
    }

    g.setFont(CardFont.bold((float) (19 * unit())));
    FontMetrics m = g.getFontMetrics();
    double buttonHeight = m.getHeight() + 18 * unit();
    double buttonWidth = m.stringWidth(CALL_TO_ACTION) + 40 * unit();
    double buttonY = height - buttonHeight - 52 * unit();
    g.setColor(brand);
    g.fill(
        new RoundRectangle2D.Double(
            left, buttonY, buttonWidth, buttonHeight, buttonHeight, buttonHeight));
    g.setColor(readableOn(brand));
    g.drawString(
        CALL_TO_ACTION,
        (float) (left + 20 * unit()),
        (float) (buttonY + (buttonHeight - m.getHeight()) / 2 + m.getAscent()));
  }

  private void drawMark(Graphics2D g) {
    g.setFont(CardFont.regular((float) (14 * unit())));
    FontMetrics m = g.getFontMetrics();
    double pad = 6 * unit();
    double w = m.stringWidth(AI_MARK) + 2 * pad;
    double h = m.getHeight() + pad;
    double x = width - w - 14 * unit();
    double y = height - h - 14 * unit();
    g.setColor(new Color(0x1F2330));
    g.fill(new RoundRectangle2D.Double(x, y, w, h, 8 * unit(), 8 * unit()));
    g.setColor(Color.WHITE);
    g.drawString(AI_MARK, (float) (x + pad), (float) (y + pad / 2 + m.getAscent()));
  }

  /** Up to {@code lines} lines of at most {@code maxWidth}, breaking at spaces; the last fitted. */
  private static List<String> wrap(Graphics2D g, String text, double maxWidth, int lines) {
    FontMetrics m = g.getFontMetrics();
    List<String> result = new ArrayList<>();
    String rest = text.strip();
    while (!rest.isEmpty() && result.size() < lines - 1 && m.stringWidth(rest) > maxWidth) {
      int cut = rest.length();
      while (cut > 1 && m.stringWidth(rest.substring(0, cut)) > maxWidth) {
        int space = rest.lastIndexOf(' ', cut - 1);
        cut = space > 0 ? space : cut - 1;
      }
      result.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      result.add(fit(g, rest, maxWidth));
    }
    return result;
  }

  private static String fit(Graphics2D g, String text, double maxWidth) {
    FontMetrics m = g.getFontMetrics();
    if (m.stringWidth(text) <= maxWidth) {
      return text;
    }
    String cut = text;
    while (cut.length() > 1 && m.stringWidth(cut + "…") > maxWidth) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut.strip() + "…";
  }

  /** White on dark brand colours, ink on light ones (e.g. the pets yellow). */
  private static Color readableOn(Color c) {
    double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    return luminance > 160 ? INK : Color.WHITE;
  }

  private static Color lighter(Color c) {
    return new Color(
        Math.min(255, c.getRed() + (255 - c.getRed()) / 2),
        Math.min(255, c.getGreen() + (255 - c.getGreen()) / 2),
        Math.min(255, c.getBlue() + (255 - c.getBlue()) / 2));
  }
}
