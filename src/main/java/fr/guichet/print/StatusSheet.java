package fr.guichet.print;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The account status sheet: one page the person takes home, saying in plain words what state their
 * space is in and the dates that matter, with a QR code holding the server's signed statement so
 * that anyone can check the sheet was not made up.
 *
 * <pre>{@code
 * byte[] pdf = StatusSheet.render(new StatusSheet.Content(name, 1950, account, statement, mediator, structure),
 *     Messages.of(Language.FRENCH), Paper.A4, ReceiptLink.of(apiUrl));
 * }</pre>
 */
public final class StatusSheet {
  /** What the sheet says. */
  public record Content(
      String personName,
      int birthYear,
      AccountStatus account,
      Receipt statement,
      String mediatorName,
      String structureName) {}

  private StatusSheet() {}

  public static byte[] render(Content c, Messages m) {
    return render(c, m, Paper.A4, ReceiptLink.NONE);
  }

  public static byte[] render(Content c, Messages m, Paper paper, ReceiptLink link) {
    try (Sheet sheet = new Sheet(paper, m, "sheet.title")) {
      sheet.title("sheet.title", Map.of());
      sheet.line(
          "sheet.for", Map.of("name", c.personName(), "year", String.valueOf(c.birthYear())));
      sheet.space(10);
      AccountStatus a = c.account();
      sheet.heading("state." + a.state() + ".name", Map.of());
      sheet.line("state." + a.state() + ".sentence", Map.of());
      if (a.oppositionDeadline() != null) {
        sheet.line("account.deadline", Map.of("date", m.date(a.oppositionDeadline())));
      }
      if (a.archiveEnd() != null) {
        sheet.line("account.archive-end", Map.of("date", m.date(a.archiveEnd())));
      }
      if (a.deletionDue() != null) {
        sheet.line("account.deletion-due", Map.of("date", m.date(a.deletionDue())));
      }
      if (!a.possibleActions().isEmpty()) {
        sheet.space(6);
        sheet.heading("account.possible", Map.of());
        for (String action : a.possibleActions()) {
          sheet.line("sheet.bullet", Map.of("text", m.text("action." + action)));
        }
      }
      sheet.space(8);
      sheet.line("sheet.help", Map.of());
      sheet.space(10);
      sheet.qr(link.qrText(c.statement()), "sheet.qr", Map.of());
      sheet.small("sheet.reference", Map.of("id", c.statement().receiptId()));
      sheet.small(
          "sheet.issued",
          Map.of(
              "date",
              m.date(ReceiptLayout.day(c.statement().issuedAt())),
              "mediator",
              c.mediatorName(),
              "structure",
              c.structureName()));
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the status sheet", e);
    }
  }
}
