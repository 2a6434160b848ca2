package fr.guichet.print;

import fr.guichet.contract.ReceiptStory;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.i18n.Phrase;
import fr.guichet.i18n.VisualLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The layout every document shares: sentences written down the page in the person's language,
 * large, each followed by the same sentence in the mediator's language (French unless told
 * otherwise), small and grey, when they differ, so that a clerk anywhere can read the paper too;
 * Arabic shaped and set right to left (PDFBox does neither); a QR code block; new pages as needed,
 * on A4 or on an 80 mm roll whose last page is cut to length.
 *
 * <p>A document gives the sheet a bundle key and <em>values</em> (dates, times, names, other
 * phrases: see {@link Phrase}), never a sentence already written: each of the two lines writes the
 * values in its own language, so that the French line never says "4 2026 ديسمبر". The document
 * classes hold no {@link Messages}; only the sheet does.
 *
 * <pre>{@code
 * try (Sheet sheet = new Sheet(settings, "receipt.title.close")) {
 *   sheet.title("receipt.title.close");
 *   sheet.line("receipt.undo.reopen-before", Map.of("date", LocalDate.of(2027, 3, 1)));
 *   sheet.qr(settings.link().qrText(receipt), "receipt.qr", Map.of());
 *   byte[] pdf = sheet.finish();
 * }
 * }</pre>
 */
final class Sheet implements AutoCloseable {
  private static final float GREY = 0.35f;

  /** No letter smaller than this (points): the person's line never smaller than the one below. */
  private static final float SMALLEST = 7f;

  /**
   * QR modules of at least 0.8 mm (about 3 dots of a page scanned or photographed at 100 dpi), and
   * bigger where the paper allows: a phone held by a shaking hand, a worn sheet.
   */
  private static final float MODULE = 0.8f / 25.4f * 72f;

  private final Paper paper;
  private final Messages person;
  private final Messages mediator;
  private final PDDocument doc = new PDDocument();
  private final PDFont regular;
  private final PDFont bold;
  private PDPage page;
  private PDPageContentStream content;
  private float y;

  Sheet(PrintSettings settings, String titleKey) {
    this.paper = settings.paper();
    this.person = Messages.of(settings.person());
    this.mediator = settings.bilingual() ? Messages.of(settings.mediator()) : null;
    try {
      regular = Fonts.regular(doc);
      bold = Fonts.bold(doc);
      doc.getDocumentInformation().setTitle(person.text(titleKey));
      doc.getDocumentInformation().setCreator("Guichet");
      doc.getDocumentCatalog().setLanguage(settings.person().tag());
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
  void title(String key) throws IOException {
    say(Phrase.of(key), bold, 18, 8);
  }

  /** A heading inside the document. */
  void heading(String key, Map<String, ?> args) throws IOException {
    say(Phrase.of(key, args), bold, 14, 4);
  }

  /** A sentence of the document. */
  void line(String key, Map<String, ?> args) throws IOException {
    say(Phrase.of(key, args), regular, 12, 4);
  }

  /** An item of a list, after a bullet. */
  void bullet(String key, Map<String, ?> args) throws IOException {
    line("sheet.bullet", Map.of("text", Phrase.of(key, args)));
  }

  /** A small sentence (references, footers). */
  void small(String key, Map<String, ?> args) throws IOException {
    say(Phrase.of(key, args), regular, 9, 2);
  }

  /** A sentence of a receipt's story, as it stands: heading, line or list item. */
  void say(ReceiptStory.Sentence s) throws IOException {
    switch (s.level()) {
      case HEADING -> heading(s.key(), s.params());
      case LINE -> line(s.key(), s.params());
      case ITEM -> bullet(s.key(), s.params());
    }
  }

  /**
   * A line each language has already written for itself (a read-back of the profile, made once per
   * language from the same answers): the person's, then the mediator's, small and grey.
   *
   * @param theirs the mediator's words, or null when there is no counterpart
   * @param indent points from the margin (a detail under an entry)
   */
  void pair(String mine, String theirs, boolean strong, float size, float indent)
      throws IOException {
    Column column = new Column(paper.margin + indent, paper.width - 2 * paper.margin - indent);
    float s = personSize(size);
    column.write(mine, strong ? bold : regular, s, person.language(), false);
    if (mediator != null && theirs != null) {
      column.write(theirs, regular, mediatorSize(s), mediator.language(), true);
    }
    y -= (strong ? 4 : 1) * paper.scale;
  }

  /** Whether a second, smaller line in the mediator's language follows each sentence. */
  boolean bilingual() {
    return mediator != null;
  }

  void space(float points) {
    y -= points * paper.scale;
  }

  /**
   * A QR code with its caption: beside it on A4, under it on a roll. The code holds {@code text}
   * exactly; the caption says what it is for. Its modules are at least {@link #MODULE} wide; on a
   * roll, where the width is short, a long text takes the code with fewer modules (error correction
   * L), and the code may fill the whole printable width.
   */
  void qr(String text, String captionKey, Map<String, ?> args) throws IOException {
    float room = paper.width - 2 * paper.margin;
    QrCode code = QrCode.of(text);
    if (paper.roll() && room / code.size() < MODULE) {
      code = QrCode.compact(text);
    }
    float preferred = Math.max(MODULE, (paper.roll() ? 150f : 170f) / code.side(1));
    // On a roll the white quiet zone may lie in the margin: the ink stays inside the printable 72
    // mm.
    float module =
        paper.roll()
            ? Math.min(preferred, Math.min(room / code.size(), paper.width / code.side(1)))
            : preferred;
    float side = code.side(module);
    float captionRoom = paper.roll() ? 60 : 0;
    ensure(side + captionRoom + 10);
    float left = paper.roll() ? (paper.width - side) / 2 : paper.margin;
    code.draw(content, left, y - side, side);
    if (paper.roll()) {
      y -= side + 6;
      small(captionKey, args);
    } else {
      float keep = y;
      float textLeft = paper.margin + side + 16;
      Column column = new Column(textLeft, paper.width - paper.margin - textLeft);
      y -= 8;
      float s = personSize(10);
      column.write(person.text(captionKey, args), regular, s, person.language(), false);
      if (mediator != null) {
        column.write(
            mediator.text(captionKey, args), regular, mediatorSize(s), mediator.language(), true);
      }
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

  /**
   * The PDF bytes, without object streams: every reader and {@code qpdf --check} take them without
   * a warning.
   */
  byte[] finish() throws IOException {
    content.close();
    content = null;
    if (paper.roll()) {
      // Cut the roll just below the last line.
      float used = paper.height - y + paper.margin;
      page.setMediaBox(new PDRectangle(0, y - paper.margin, paper.width, used));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out, CompressParameters.NO_COMPRESSION);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (content != null) {
      content.close();
    }
    doc.close();
  }

  private void say(Phrase phrase, PDFont font, float size, float after) throws IOException {
    Column column = new Column(paper.margin, paper.width - 2 * paper.margin);
    float s = personSize(size);
    column.write(person.text(phrase), font, s, person.language(), false);
    if (mediator != null) {
      column.write(mediator.text(phrase), regular, mediatorSize(s), mediator.language(), true);
    }
    y -= after * paper.scale;
  }

  private float personSize(float size) {
    return Math.max(SMALLEST, size * paper.scale);
  }

  /** The mediator's line: about three quarters of the person's, never bigger, never tiny. */
  private static float mediatorSize(float personSize) {
    return Math.min(personSize, Math.max(SMALLEST, personSize * 0.72f));
  }

  /** A column of text at a given x and width, writing at the sheet's current height. */
  private final class Column {
    private final float left;
    private final float width;

    Column(float left, float width) {
      this.left = left;
      this.width = width;
    }

    void write(String text, PDFont font, float size, Language language, boolean grey)
        throws IOException {
      boolean rtl = language.rightToLeft();
      for (String line : PageWriter.wrap(text, font, size, width, rtl)) {
        ensure(size * 1.3f);
        y -= size * 1.25f;
        // Set on each line: a new page starts black.
        float shade = grey ? GREY : 0f;
        content.setNonStrokingColor(shade, shade, shade);
        float drawn = font.getStringWidth(VisualLine.of(line, rtl)) / 1000 * size;
        PageWriter.show(content, font, size, rtl ? left + width - drawn : left, y, line, language);
      }
      content.setNonStrokingColor(0f, 0f, 0f);
    }
  }

  /** Starts a new page when fewer than {@code points} remain. */
  private void ensure(float points) throws IOException {
    if (y - points < paper.margin) {
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
}
