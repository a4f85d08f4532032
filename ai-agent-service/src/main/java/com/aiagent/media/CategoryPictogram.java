package com.aiagent.media;

import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/** The pictogram of each product category on the offline ad card, drawn with Java2D shapes. */
final class CategoryPictogram {
  private CategoryPictogram() {}

  /** The category's pictogram, in the square at (x, y) of side s. */
  static List<Shape> shapes(String category, double x, double y, double s) {
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
}
