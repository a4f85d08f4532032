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
import java.awt.geom.Path2D;
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
    for (Shape shape : pictogram(category, x + inset, y + inset, size - 2 * inset)) {
      if (shape instanceof Line2D || shape instanceof Arc2D arc && arc.getArcType() == Arc2D.OPEN) {
        g.draw(shape);
      } else {
        g.fill(shape);
      }
    }
  }

  /** The category's pictogram, in the square at (x, y) of side s. */
  static List<Shape> pictogram(String category, double x, double y, double s) {
    List<Shape> shapes = new ArrayList<>();
    switch (category) {
      case "fashion" -> {
        Path2D shirt = new Path2D.Double();
        shirt.moveTo(x + s * 0.35, y + s * 0.08);
        shirt.lineTo(x + s * 0.05, y + s * 0.25);
        shirt.lineTo(x + s * 0.15, y + s * 0.45);
        shirt.lineTo(x + s * 0.25, y + s * 0.40);
        shirt.lineTo(x + s * 0.25, y + s * 0.92);
        shirt.lineTo(x + s * 0.75, y + s * 0.92);
        shirt.lineTo(x + s * 0.75, y + s * 0.40);
        shirt.lineTo(x + s * 0.85, y + s * 0.45);
        shirt.lineTo(x + s * 0.95, y + s * 0.25);
        shirt.lineTo(x + s * 0.65, y + s * 0.08);
        shirt.quadTo(x + s * 0.5, y + s * 0.22, x + s * 0.35, y + s * 0.08);
        shirt.closePath();
        shapes.add(shirt);
      }
      case "beauty" -> {
        shapes.add(
            new RoundRectangle2D.Double(
                x + s * 0.3, y + s * 0.55, s * 0.4, s * 0.4, s * 0.06, s * 0.06));
        shapes.add(new Rectangle2D.Double(x + s * 0.35, y + s * 0.38, s * 0.3, s * 0.17));
        Path2D tip = new Path2D.Double();
        tip.moveTo(x + s * 0.38, y + s * 0.38);
        tip.lineTo(x + s * 0.38, y + s * 0.12);
        tip.lineTo(x + s * 0.62, y + s * 0.04);
        tip.lineTo(x + s * 0.62, y + s * 0.38);
        tip.closePath();
        shapes.add(tip);
      }
      case "food" -> {
        shapes.add(new Arc2D.Double(x, y + s * 0.1, s, s * 0.8, 180, 180, Arc2D.CHORD));
        shapes.add(new Line2D.Double(x + s * 0.55, y + s * 0.45, x + s * 0.9, y + s * 0.05));
        shapes.add(new Line2D.Double(x + s * 0.65, y + s * 0.47, x + s * 1.0, y + s * 0.12));
        shapes.add(new Rectangle2D.Double(x + s * 0.3, y + s * 0.88, s * 0.4, s * 0.08));
      }
      case "travel" -> {
        shapes.add(
            new RoundRectangle2D.Double(
                x + s * 0.1, y + s * 0.3, s * 0.8, s * 0.6, s * 0.12, s * 0.12));
        shapes.add(
            new Arc2D.Double(x + s * 0.33, y + s * 0.08, s * 0.34, s * 0.4, 0, 180, Arc2D.OPEN));
        shapes.add(new Line2D.Double(x + s * 0.33, y + s * 0.28, x + s * 0.33, y + s * 0.3));
        shapes.add(new Line2D.Double(x + s * 0.67, y + s * 0.28, x + s * 0.67, y + s * 0.3));
      }
      case "fitness" -> {
        shapes.add(new Rectangle2D.Double(x + s * 0.2, y + s * 0.46, s * 0.6, s * 0.08));
        shapes.add(
            new RoundRectangle2D.Double(
                x + s * 0.04, y + s * 0.25, s * 0.14, s * 0.5, s * 0.05, s * 0.05));
        shapes.add(
            new RoundRectangle2D.Double(
                x + s * 0.82, y + s * 0.25, s * 0.14, s * 0.5, s * 0.05, s * 0.05));
        shapes.add(
            new RoundRectangle2D.Double(
                x + s * 0.16, y + s * 0.33, s * 0.08, s * 0.34, s * 0.03, s * 0.03));
        shapes.add(
            new RoundRectangle2D.Double(
                x + s * 0.76, y + s * 0.33, s * 0.08, s * 0.34, s * 0.03, s * 0.03));
      }
      case "electronics" -> {
        Path2D phone = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        phone.append(
            new RoundRectangle2D.Double(x + s * 0.25, y, s * 0.5, s, s * 0.1, s * 0.1), false);
        phone.append(new Rectangle2D.Double(x + s * 0.3, y + s * 0.1, s * 0.4, s * 0.72), false);
        shapes.add(phone);
        shapes.add(new Ellipse2D.Double(x + s * 0.46, y + s * 0.87, s * 0.08, s * 0.08));
      }
      case "home" -> {
        Path2D roof = new Path2D.Double();
        roof.moveTo(x, y + s * 0.45);
        roof.lineTo(x + s * 0.5, y + s * 0.05);
        roof.lineTo(x + s, y + s * 0.45);
        roof.closePath();
        shapes.add(roof);
        Path2D walls = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        walls.append(new Rectangle2D.Double(x + s * 0.15, y + s * 0.45, s * 0.7, s * 0.5), false);
        walls.append(new Rectangle2D.Double(x + s * 0.42, y + s * 0.65, s * 0.16, s * 0.3), false);
        shapes.add(walls);
      }
      case "books" -> {
        Path2D left = new Path2D.Double();
        left.moveTo(x + s * 0.48, y + s * 0.2);
        left.quadTo(x + s * 0.25, y + s * 0.08, x, y + s * 0.15);
        left.lineTo(x, y + s * 0.85);
        left.quadTo(x + s * 0.25, y + s * 0.78, x + s * 0.48, y + s * 0.9);
        left.closePath();
        shapes.add(left);
        Path2D right = new Path2D.Double();
        right.moveTo(x + s * 0.52, y + s * 0.2);
        right.quadTo(x + s * 0.75, y + s * 0.08, x + s, y + s * 0.15);
        right.lineTo(x + s, y + s * 0.85);
        right.quadTo(x + s * 0.75, y + s * 0.78, x + s * 0.52, y + s * 0.9);
        right.closePath();
        shapes.add(right);
      }
      case "pets" -> {
        shapes.add(new Ellipse2D.Double(x + s * 0.25, y + s * 0.45, s * 0.5, s * 0.45));
        shapes.add(new Ellipse2D.Double(x + s * 0.02, y + s * 0.3, s * 0.2, s * 0.26));
        shapes.add(new Ellipse2D.Double(x + s * 0.22, y + s * 0.05, s * 0.2, s * 0.28));
        shapes.add(new Ellipse2D.Double(x + s * 0.58, y + s * 0.05, s * 0.2, s * 0.28));
        shapes.add(new Ellipse2D.Double(x + s * 0.78, y + s * 0.3, s * 0.2, s * 0.26));
      }
      case "kids" -> {
        shapes.add(new Ellipse2D.Double(x + s * 0.22, y, s * 0.56, s * 0.66));
        Path2D knot = new Path2D.Double();
        knot.moveTo(x + s * 0.5, y + s * 0.64);
        knot.lineTo(x + s * 0.44, y + s * 0.72);
        knot.lineTo(x + s * 0.56, y + s * 0.72);
        knot.closePath();
        shapes.add(knot);
        shapes.add(new Line2D.Double(x + s * 0.5, y + s * 0.72, x + s * 0.42, y + s));
      }
      default -> {
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
          double r = i % 2 == 0 ? s / 2 : s / 5;
          double a = Math.PI / 2 + i * Math.PI / 5;
          double px = x + s / 2 + r * Math.cos(a);
          double py = y + s / 2 - r * Math.sin(a);
          if (i == 0) {
            star.moveTo(px, py);
          } else {
            star.lineTo(px, py);
          }
        }
        star.closePath();
        shapes.add(star);
      }
    }
    return shapes;
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
