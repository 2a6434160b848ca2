package fr.guichet.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The DejaVu fonts (from {@code jasperreports-fonts}), embedded and subset in every document: they
 * cover Latin, Arabic and the symbols the pictograms use. The font files are read once.
 *
 * <p>Their glyph substitutions (GSUB) are off: PDFBox would otherwise join "ff" and "fi" into one
 * ligature glyph, and a reference copied from the paper ({@code …84ff-…}) would come out as other
 * characters; Arabic is shaped by ICU before it reaches the font.
 */
final class Fonts {
  private static final String DIR = "net/sf/jasperreports/fonts/dejavu/";
  private static final byte[] REGULAR = read(DIR + "DejaVuSans.ttf");
  private static final byte[] BOLD = read(DIR + "DejaVuSans-Bold.ttf");

  private Fonts() {}

  static PDType0Font regular(PDDocument doc) throws IOException {
    return load(doc, REGULAR);
  }

  static PDType0Font bold(PDDocument doc) throws IOException {
    return load(doc, BOLD);
  }

  private static PDType0Font load(PDDocument doc, byte[] file) throws IOException {
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
    font.setEnableGsub(false);
    doc.registerTrueTypeFontForClosing(font);
    return PDType0Font.load(doc, font, true);
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
