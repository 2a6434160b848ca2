package fr.guichet.print;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The DejaVu fonts (from {@code jasperreports-fonts}), embedded and subset in every document: they
 * cover Latin, Arabic and the symbols the pictograms use. The font files are read once.
 */
final class Fonts {
  private static final String DIR = "net/sf/jasperreports/fonts/dejavu/";
  private static final byte[] REGULAR = read(DIR + "DejaVuSans.ttf");
  private static final byte[] BOLD = read(DIR + "DejaVuSans-Bold.ttf");

  private Fonts() {}

  static PDType0Font regular(PDDocument doc) throws IOException {
    return PDType0Font.load(doc, new ByteArrayInputStream(REGULAR), true);
  }

  static PDType0Font bold(PDDocument doc) throws IOException {
    return PDType0Font.load(doc, new ByteArrayInputStream(BOLD), true);
  }

  private static byte[] read(String resource) {
    try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Font " + resource + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
