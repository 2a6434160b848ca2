package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Messages;
import fr.guichet.i18n.VisualLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The medical profile summary the person takes home: every section as Mon Espace Santé holds it
 * that day, in the same words the kiosk read back, in the person's language with the mediator's
 * (French) in grey under each line when they differ, so that the person and any French-speaking
 * doctor read the same sheet. A4, as many pages as needed; a QR code holds the signed receipt of
 * the last section sent during the sitting, when there is one.
 *
 * <pre>{@code
 * byte[] pdf = ProfileSummary.render(new ProfileSummary.Content(name, 1985, contents, receipt, today, mediator,
 *     structure), Messages.of(Language.ARABIC), Messages.of(Language.FRENCH));
 * }</pre>
 */
public final class ProfileSummary {
  private static final float MARGIN = 50f;
  private static final float QR_SIDE = 120f;
  private static final float GREY = 0.35f;

  /**
   * What the summary says.
   *
   * @param sections each section's content, by section name (as the server holds them)
   * @param lastReceipt the receipt of the last section sent during the sitting, or null
   */
  public record Content(
      String personName,
      int birthYear,
      Map<String, SectionContent> sections,
      Receipt lastReceipt,
      LocalDate day,
      String mediatorName,
      String structureName) {}

  private ProfileSummary() {}

  public static byte[] render(Content c, Messages person, Messages mediator) {
    boolean both = person.language() != mediator.language();
    try (PDDocument doc = new PDDocument()) {
      doc.getDocumentInformation().setTitle(person.text("profile.sheet.title"));
      doc.getDocumentInformation().setCreator("Guichet");
      Flow flow = new Flow(doc, Fonts.regular(doc), Fonts.bold(doc));
      try {
        flow.line(person.text("profile.sheet.title"), flow.bold, 18, person, 0);
        if (both) {
          flow.grey(mediator.text("profile.sheet.title"), 11, mediator);
        }
        flow.skip(6);
        flow.line(
            person.text(
                "profile.sheet.for",
                Map.of("name", c.personName(), "year", String.valueOf(c.birthYear()))),
            flow.regular,
            12,
            person,
            0);
        flow.line(
            person.text("profile.sheet.note", Map.of("date", person.date(c.day()))),
            flow.regular,
            10,
            person,
            0);
        if (both) {
          flow.grey(
              mediator.text("profile.sheet.note", Map.of("date", mediator.date(c.day()))),
              8,
              mediator);
        }
        for (SectionForm form : FormCatalog.standard().forms()) {
          SectionContent content = c.sections().getOrDefault(form.section(), SectionContent.EMPTY);
          flow.skip(10);
          flow.line(person.text(form.titleKey()), flow.bold, 13, person, 0);
          if (both) {
            flow.grey(mediator.text(form.titleKey()), 9, mediator);
          }
          List<String> mine = ReadBack.lines(form, content, person);
          List<String> theirs = both ? ReadBack.lines(form, content, mediator) : List.of();
          for (int i = 0; i < mine.size(); i++) {
            flow.line(mine.get(i).strip(), flow.regular, 11, person, indent(mine.get(i)));
            if (both && i < theirs.size()) {
              flow.grey(theirs.get(i).strip(), 8, mediator, indent(theirs.get(i)));
            }
          }
        }
        if (c.lastReceipt() != null) {
          flow.qr(c.lastReceipt(), person);
        }
        flow.skip(14);
        flow.line(
            person.text(
                "profile.sheet.issued",
                Map.of(
                    "date",
                    person.date(c.day()),
                    "mediator",
                    c.mediatorName(),
                    "structure",
                    c.structureName())),
            flow.regular,
            9,
            person,
            0);
      } finally {
        flow.close();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the profile summary", e);
    }
  }

  private static float indent(String line) {
    return line.startsWith(ReadBack.DETAIL) ? 18f : 0f;
  }

  /**
   * Lines down the pages, a new page when one is full; each line right-aligned when its language
   * is.
   */
  private static final class Flow {
    final PDDocument doc;
    final PDFont regular;
    final PDFont bold;
    final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    PDPageContentStream content;
    float y;

    Flow(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
      this.doc = doc;
      this.regular = regular;
      this.bold = bold;
      page();
    }

    void page() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      content = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void line(String text, PDFont font, float size, Messages m, float indent) throws IOException {
      boolean rtl = m.language().rightToLeft();
      for (String visual : PageWriter.wrap(text, font, size, width - indent, rtl)) {
        y -= size * 1.3f;
        if (y < MARGIN) {
          page();
          y -= size * 1.3f;
        }
        float w = font.getStringWidth(visual) / 1000 * size;
        float x = rtl ? MARGIN + width - indent - w : MARGIN + indent;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(visual);
        content.endText();
      }
    }

    void grey(String text, float size, Messages m) throws IOException {
      grey(text, size, m, 0);
    }

    void grey(String text, float size, Messages m, float indent) throws IOException {
      content.setNonStrokingColor(GREY, GREY, GREY);
      line(text, regular, size, m, indent);
      content.setNonStrokingColor(0f, 0f, 0f);
    }

    void skip(float points) {
      y -= points;
    }

    void qr(Receipt receipt, Messages m) throws IOException {
      if (y - QR_SIDE - 20 < MARGIN) {
        page();
      }
      y -= QR_SIDE + 12;
      QrCode.of(receipt.signed()).draw(content, MARGIN, y, QR_SIDE);
      float top = y + QR_SIDE - 4;
      PageWriter caption =
          new PageWriter(
              content,
              MARGIN + QR_SIDE + 12,
              top,
              width - QR_SIDE - 12,
              m.language().rightToLeft());
      caption.paragraph(m.text("profile.sheet.qr"), regular, 9, 4);
      caption.paragraph(
          VisualLine.clip(m.text("sheet.reference", Map.of("id", receipt.receiptId())), 80),
          regular,
          8,
          0);
    }

    void close() throws IOException {
      content.close();
    }
  }
}
