package fr.guichet.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading back what a document says: its text, and the QR code on its last page. */
public final class Pdfs {
  private Pdfs() {}

  /** The text, with Arabic presentation forms folded back to letters (NFKC). */
  public static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
    }
  }

  /** The text with line breaks made spaces, to find a sentence whatever the width cut. */
  public static String flowing(byte[] pdf) throws IOException {
    return text(pdf).replaceAll("\\s+", " ");
  }

  /** A glyph as drawn: where, and the character its font maps it to. */
  private record Glyph(float x, float y, String unicode) {}

  /**
   * The glyphs of each line as drawn, left to right, with the characters their font maps them to
   * (before any normalisation, and before any /ActualText replaces them): what a reader's eye
   * meets, in that order. Lines top to bottom.
   */
  static java.util.List<String> visualLines(byte[] pdf) throws IOException {
    return visualLines(pdf, 1);
  }

  /** The same, on page {@code page} (from 1). */
  static java.util.List<String> visualLines(byte[] pdf, int page) throws IOException {
    java.util.List<Glyph> all = new java.util.ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
              all.add(new Glyph(t.getXDirAdj(), t.getYDirAdj(), t.getUnicode()));
            }
          };
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      stripper.getText(doc);
    }
    java.util.Map<Integer, java.util.List<Glyph>> byLine = new java.util.TreeMap<>();
    all.forEach(
        g -> byLine.computeIfAbsent(Math.round(g.y()), y -> new java.util.ArrayList<>()).add(g));
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (java.util.List<Glyph> line : byLine.values()) {
      StringBuilder drawn = new StringBuilder();
      line.stream()
          .sorted(java.util.Comparator.comparingDouble(Glyph::x))
          .forEach(g -> drawn.append(g.unicode()));
      lines.add(drawn.toString());
    }
    return lines;
  }

  /**
   * A run of text as drawn inside one marked span: its page (from 1), its language ({@code /Lang}
   * of the span, or of the span around it), the characters its glyphs map to (presentation forms
   * included), its size in points and whether it is grey.
   */
  record Span(int page, String lang, String text, float size, boolean grey) {}

  /** Every span of text, in the order drawn. */
  static java.util.List<Span> spans(byte[] pdf) throws IOException {
    java.util.List<Span> spans = new java.util.ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            {
              // Text extraction does not follow colours: the grey of a line is asked for.
              addOperator(
                  new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(
                      this));
            }

            int depth;
            int spanDepth = -1;
            String lang;
            StringBuilder text;
            float size;
            boolean grey;

            @Override
            public void beginMarkedContentSequence(
                org.apache.pdfbox.cos.COSName tag, org.apache.pdfbox.cos.COSDictionary properties) {
              depth++;
              String l =
                  properties == null
                      ? null
                      : properties.getString(org.apache.pdfbox.cos.COSName.LANG);
              if (l != null && text == null) {
                lang = l;
                spanDepth = depth;
                text = new StringBuilder();
              }
              super.beginMarkedContentSequence(tag, properties);
            }

            @Override
            public void endMarkedContentSequence() {
              if (text != null && depth == spanDepth) {
                spans.add(new Span(getCurrentPageNo(), lang, text.toString(), size, grey));
                text = null;
              }
              depth--;
              super.endMarkedContentSequence();
            }

            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
              if (text != null) {
                text.append(t.getUnicode());
                size = t.getFontSizeInPt();
                float[] rgb = getGraphicsState().getNonStrokingColor().getComponents();
                grey = rgb.length > 0 && rgb[0] > 0.2f && rgb[0] < 0.5f;
              }
            }
          };
      stripper.getText(doc);
    }
    return spans;
  }

  static int pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }

  /** The width of the first page, in millimetres: 210 on A4, 80 on a receipt printer's roll. */
  public static long widthMm(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return Math.round(doc.getPage(0).getMediaBox().getWidth() / 72f * 25.4f);
    }
  }

  /** The QR code of the last page, rendered at 150 dpi and decoded with ZXing. */
  public static String qr(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage page =
          new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 150, ImageType.GRAY);
      return QrImages.decode(page);
    }
  }
}
