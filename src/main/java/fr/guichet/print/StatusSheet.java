package fr.guichet.print;

import fr.guichet.api.AccountStatus;
import fr.guichet.api.Receipt;
import fr.guichet.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The account status sheet: one A4 page the person takes home, saying in plain words what state
 * their space is in and the dates that matter, with a QR code holding the server's signed
 * statement so that anyone can check the sheet was not made up.
 *
 * <pre>{@code
 * byte[] pdf = StatusSheet.render(new StatusSheet.Content(name, 1950, account, statement, mediator, structure), fr);
 * }</pre>
 */
public final class StatusSheet {
  private static final float MARGIN = 56f;
  private static final float QR_SIDE = 170f;

  /** What the sheet says. */
  public record Content(String personName, int birthYear, AccountStatus account, Receipt statement,
      String mediatorName, String structureName) {}

  private StatusSheet() {}

  public static byte[] render(Content c, Messages m) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(m.text("sheet.title"));
      info.setCreator("Guichet");
      PDFont regular = Fonts.regular(doc);
      PDFont bold = Fonts.bold(doc);
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        boolean rtl = m.language().rightToLeft();
        PageWriter w = new PageWriter(content, MARGIN, PDRectangle.A4.getHeight() - MARGIN, width, rtl);
        w.paragraph(m.text("sheet.title"), bold, 20, 6);
        w.paragraph(m.text("sheet.for", Map.of("name", c.personName(), "year", String.valueOf(c.birthYear()))),
            regular, 13, 18);
        w.paragraph(m.text("state." + c.account().state() + ".name"), bold, 16, 4);
        w.paragraph(m.text("state." + c.account().state() + ".sentence"), regular, 13, 10);
        if (c.account().oppositionDeadline() != null) {
          w.paragraph(m.text("account.deadline", Map.of("date", m.date(c.account().oppositionDeadline()))), regular, 12, 2);
        }
        if (c.account().archiveEnd() != null) {
          w.paragraph(m.text("account.archive-end", Map.of("date", m.date(c.account().archiveEnd()))), regular, 12, 2);
        }
        if (c.account().deletionDue() != null) {
          w.paragraph(m.text("account.deletion-due", Map.of("date", m.date(c.account().deletionDue()))), regular, 12, 2);
        }
        if (!c.account().possibleActions().isEmpty()) {
          w.skip(8);
          w.paragraph(m.text("account.possible"), bold, 12, 2);
          for (String action : c.account().possibleActions()) {
            w.paragraph("•  " + m.text("action." + action), regular, 12, 0);
          }
        }
        w.skip(16);
        w.paragraph(m.text("sheet.help"), regular, 11, 0);
        float qrY = Math.min(w.y() - 24, 330) - QR_SIDE;
        QrCode.of(c.statement().signed()).draw(content, MARGIN, qrY, QR_SIDE);
        PageWriter caption = new PageWriter(content, MARGIN + QR_SIDE + 16, qrY + QR_SIDE - 8, width - QR_SIDE - 16, rtl);
        caption.paragraph(m.text("sheet.qr"), regular, 10, 6);
        caption.paragraph(m.text("sheet.reference", Map.of("id", c.statement().receiptId())), regular, 9, 0);
        PageWriter footer = new PageWriter(content, MARGIN, MARGIN + 30, width, rtl);
        footer.paragraph(m.text("sheet.issued", Map.of(
            "date", m.date(c.statement().issuedAt().atZone(ZoneId.of("Europe/Paris")).toLocalDate()),
            "mediator", c.mediatorName(), "structure", c.structureName())), regular, 9, 0);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the status sheet", e);
    }
  }
}
