package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What every receipt shares: its title, for whom, what the receipt's own body says, when and by
 * whom it was done, how to undo it where it can be undone, the QR code of the signed receipt and
 * its reference. Everything printed comes from the signed payload: the paper says what is signed.
 */
final class ReceiptLayout {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** The part of a receipt that depends on its kind. */
  @FunctionalInterface
  interface Body {
    void write(Sheet sheet, Map<String, Object> facts, Messages m) throws IOException;
  }

  private ReceiptLayout() {}

  static byte[] render(Receipt receipt, Messages m, Paper paper, ReceiptLink link, Body body) {
    Map<String, Object> facts = receipt.payload();
    try (Sheet sheet = new Sheet(paper, m, "receipt.title." + receipt.kind())) {
      sheet.title("receipt.title." + receipt.kind(), Map.of());
      sheet.line("receipt.for", Map.of("person", String.valueOf(facts.get("person"))));
      Object actingAs = facts.get("actingAs");
      if (actingAs != null && !"SELF".equals(actingAs)) {
        sheet.line("receipt.acting-as." + actingAs, Map.of());
      }
      sheet.space(8);
      body.write(sheet, facts, m);
      sheet.space(8);
      Instant at = receipt.issuedAt();
      sheet.line(
          "receipt.when",
          Map.of(
              "date",
              m.date(day(at)),
              "time",
              TIME.format(at.atZone(PARIS)),
              "mediator",
              String.valueOf(facts.getOrDefault("mediator", "")),
              "structure",
              String.valueOf(facts.getOrDefault("structure", ""))));
      sheet.line("sheet.help", Map.of());
      sheet.space(10);
      sheet.qr(link.qrText(receipt), "receipt.qr", Map.of());
      sheet.small("sheet.reference", Map.of("id", receipt.receiptId()));
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the receipt " + receipt.receiptId(), e);
    }
  }

  static LocalDate day(Instant at) {
    return at.atZone(PARIS).toLocalDate();
  }

  /** A date of the payload ({@code 2026-12-31}) written the person's way. */
  static String date(Map<String, Object> facts, String key, Messages m) {
    Object iso = facts.get(key);
    return iso == null ? "" : m.date(LocalDate.parse(iso.toString()));
  }
}
