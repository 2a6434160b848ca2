package fr.guichet.print;

import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.Receipt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;

/**
 * The account status sheet: one page the person takes home, saying in plain words what state their
 * space is in and the dates that matter, with a QR code holding the server's signed statement so
 * that anyone can check the sheet was not made up.
 *
 * <pre>{@code
 * byte[] pdf = StatusSheet.render(new StatusSheet.Content(name, 1950, account, statement, mediator, structure),
 *     settings.withPerson(Language.ARABIC));
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

  public static byte[] render(Content c, PrintSettings settings) {
    try (Sheet sheet = new Sheet(settings, "sheet.title")) {
      sheet.title("sheet.title");
      sheet.line(
          "sheet.for", Map.of("name", c.personName(), "year", String.valueOf(c.birthYear())));
      sheet.space(10);
      AccountStatus a = c.account();
      sheet.heading("state." + a.state() + ".name", Map.of());
      sheet.line("state." + a.state() + ".sentence", Map.of());
      date(sheet, "account.deadline", a.oppositionDeadline());
      date(sheet, "account.archive-end", a.archiveEnd());
      date(sheet, "account.deletion-due", a.deletionDue());
      if (!a.possibleActions().isEmpty()) {
        sheet.space(6);
        sheet.heading("account.possible", Map.of());
        for (String action : a.possibleActions()) {
          sheet.bullet("action." + action, Map.of());
        }
      }
      sheet.space(8);
      sheet.line("sheet.help", Map.of());
      sheet.space(10);
      sheet.qr(settings.link().qrText(c.statement()), "sheet.qr", Map.of());
      sheet.small("sheet.reference", Map.of("id", c.statement().receiptId()));
      sheet.small(
          "sheet.issued",
          Map.of(
              "date",
              c.statement().issuedAt().atZone(settings.zone()).toLocalDate(),
              "mediator",
              c.mediatorName(),
              "structure",
              c.structureName()));
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the status sheet", e);
    }
  }

  private static void date(Sheet sheet, String key, LocalDate date) throws IOException {
    if (date != null) {
      sheet.line(key, Map.of("date", date));
    }
  }
}
