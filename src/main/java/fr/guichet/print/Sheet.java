package fr.guichet.print;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The layout every document shares: paragraphs written down the page in the person's language,
 * large, each followed by the same words in French, small and grey, when the person reads another
 * language (so that a clerk anywhere can read the paper too); Arabic shaped and set right to left
 * (PDFBox does neither); a QR code block; new A4 pages as needed, or one roll cut to length.
 *
 * <pre>{@code
 * try (Sheet sheet = new Sheet(Paper.A4, Messages.of(Language.ARABIC), "receipt.title")) {
 *   sheet.title("receipt.opposition.title", Map.of());
 *   sheet.say("receipt.opposition.done", Map.of("date", "…"));
 *   sheet.qr(receipt.signed(), "receipt.qr", Map.of("id", receipt.receiptId()));
 *   byte[] pdf = sheet.finish();
 * }
 * }</pre>
 */
final class Sheet implements AutoCloseable {
  private static final float GREY = 0.35f;

  private final Paper paper;
  private final Messages person;
  private final Messages french;
  private final PDDocument doc = new PDDocument();
  private final PDFont regular;
  private final PDFont bold;
  private PDPage page;
  private PDPageContentStream content;
  private float y;

  Sheet(Paper paper, Messages person, String titleKey) {
    this.paper = paper;
    this.person = person;
    Language lang = person.language();
    this.french =
        lang == Language.FRENCH || lang == Language.EASY_FRENCH
            ? null
            : Messages.of(Language.FRENCH);
    try {
      regular = Fonts.regular(doc);
      bold = Fonts.bold(doc);
      doc.getDocumentInformation().setTitle(person.text(titleKey));
      doc.getDocumentInformation().setCreator("Guichet");
      newPage();
    } catch (IOException e) {
      try {
        doc.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException(e);
    }
  }

  /** The document's title, largest. */
  void title(String key, Map<String, ?> args) throws IOException {
    say(key, args, bold, 18, 8);
  }

  /** A heading inside the document. */
  void heading(String key, Map<String, ?> args) throws IOException {
    say(key, args, bold, 14, 4);
  }

  /** A sentence of the document. */
  void line(String key, Map<String, ?> args) throws IOException {
    say(key, args, regular, 12, 4);
  }

  /** A small sentence (references, footers). */
  void small(String key, Map<String, ?> args) throws IOException {
    say(key, args, regular, 9, 2);
  }

  /** Words that are the same in every language: a name, a number. */
  void plain(String text, boolean strong, float size) throws IOException {
    write(
        text, strong ? bold : regular, size * paper.scale, person.language().rightToLeft(), false);
    y -= 4;
  }

  void space(float points) {
    y -= points * paper.scale;
  }

  /**
   * A QR code with its caption: beside it on A4, under it on a roll. The code holds {@code text}
   * exactly; the caption says what it is for.
   */
  void qr(String text, String captionKey, Map<String, ?> args) throws IOException {
    float side = paper.qrSide;
    float captionRoom = paper.roll() ? 60 : 0;
    ensure(side + captionRoom + 10);
    float left = paper.roll() ? (paper.width - side) / 2 : paper.margin;
    QrCode.of(text).draw(content, left, y - side, side);
    if (paper.roll()) {
      y -= side + 6;
      small(captionKey, args);
    } else {
      float keep = y;
      float textLeft = paper.margin + side + 16;
      Column column = new Column(textLeft, paper.width - paper.margin - textLeft);
      y -= 8;
      column.say(captionKey, args, regular, 10);
      y = Math.min(y, keep - side) - 10;
    }
  }

  /** Vector drawing in a band of the page, the full text width. */
  @FunctionalInterface
  interface Drawing {
    void draw(PDPageContentStream content, float left, float top, float width) throws IOException;
  }

  /** Draws {@code drawing} in a band {@code height} points high, then moves below it. */
  void draw(float height, Drawing drawing) throws IOException {
    float h = height * paper.scale;
    ensure(h);
    drawing.draw(content, paper.margin, y, paper.width - 2 * paper.margin);
    y -= h;
  }

  float scale() {
    return paper.scale;
  }

  /** The PDF bytes. */
  byte[] finish() throws IOException {
    content.close();
    content = null;
    if (paper.roll()) {
      // Cut the roll just below the last line.
      float used = paper.height - y + paper.margin;
      page.setMediaBox(new PDRectangle(0, y - paper.margin, paper.width, used));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (content != null) {
      content.close();
    }
    doc.close();
  }

  private void say(String key, Map<String, ?> args, PDFont font, float size, float after)
      throws IOException {
    float s = size * paper.scale;
    write(person.text(key, args), font, s, person.language().rightToLeft(), false);
    if (french != null) {
      write(french.text(key, args), regular, Math.max(7, s * 0.72f), false, true);
    }
    y -= after * paper.scale;
  }

  private void write(String text, PDFont font, float size, boolean rtl, boolean grey)
      throws IOException {
    new Column(paper.margin, paper.width - 2 * paper.margin).write(text, font, size, rtl, grey);
  }

  /** A column of text at a given x and width, writing at the sheet's current height. */
  private final class Column {
    private final float left;
    private final float width;

    Column(float left, float width) {
      this.left = left;
      this.width = width;
    }

    void say(String key, Map<String, ?> args, PDFont font, float size) throws IOException {
      write(
          person.text(key, args), font, size * paper.scale, person.language().rightToLeft(), false);
      if (french != null) {
        write(french.text(key, args), regular, Math.max(7, size * paper.scale * 0.8f), false, true);
      }
    }

    void write(String text, PDFont font, float size, boolean rtl, boolean grey) throws IOException {
      for (String line : wrap(text, font, size, width, rtl)) {
        ensure(size * 1.3f);
        y -= size * 1.25f;
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(grey ? GREY : 0f, grey ? GREY : 0f, grey ? GREY : 0f);
        float x = rtl ? left + width - font.getStringWidth(line) / 1000 * size : left;
        content.newLineAtOffset(x, y);
        content.showText(line);
        content.endText();
      }
      content.setNonStrokingColor(0f, 0f, 0f);
    }
  }

  /** Starts a new A4 page when fewer than {@code points} remain (a roll is long enough). */
  private void ensure(float points) throws IOException {
    if (!paper.roll() && y - points < paper.margin) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    page = new PDPage(new PDRectangle(paper.width, paper.height));
    doc.addPage(page);
    content = new PDPageContentStream(doc, page);
    y = paper.height - paper.margin;
  }

  /**
   * Lines of at most {@code width} points, each in visual order; each {@code \n} starts a new line.
   */
  static List<String> wrap(String text, PDFont font, float size, float width, boolean rtl)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      lines.addAll(PageWriter.wrap(paragraph, font, size, width, rtl));
    }
    return lines;
  }
}
