package com.aiagent.media;

import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Lossy WebP through libwebp (webp-imageio); the JDK has no WebP writer of its own. */
public final class WebpEncoder {
  private final float quality;

  /** {@code quality} from 0 (smallest) to 100 (best), as cwebp's {@code -q}. */
  public WebpEncoder(float quality) {
    this.quality = quality;
  }

  public byte[] encode(BufferedImage image) {
    ImageWriter writer = webpWriter();
    WebPWriteParam param = new WebPWriteParam(writer.getLocale());
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType("Lossy");
    param.setCompressionQuality(quality / 100f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("WebP encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageWriter webpWriter() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
    if (!writers.hasNext()) {
      throw new IllegalStateException("no WebP ImageIO writer on the class path");
    }
    return writers.next();
  }
}
