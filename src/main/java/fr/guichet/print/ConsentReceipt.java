package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Messages;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The consent receipt: what the person allowed, to whom, until when, and that they can stop at any
 * time. The person leaves with it at the start of the sitting, not at the end.
 *
 * <pre>{@code
 * byte[] pdf = ConsentReceipt.render(delegation.receipt(), Messages.of(Language.ARABIC), Paper.A4, link);
 * }</pre>
 */
public final class ConsentReceipt {
  private ConsentReceipt() {}

  public static byte[] render(Receipt receipt, Messages m, Paper paper, ReceiptLink link) {
    if (!"consent".equals(receipt.kind())) {
      throw new IllegalArgumentException("Not a consent receipt: " + receipt.kind());
    }
    return ReceiptLayout.render(
        receipt,
        m,
        paper,
        link,
        (sheet, facts, messages) -> {
          sheet.heading("receipt.consent.allowed", Map.of());
          for (Object scope : (List<?>) facts.getOrDefault("scopes", List.of())) {
            sheet.line(
                "sheet.bullet",
                Map.of("text", messages.text("scope." + String.valueOf(scope).replace(':', '-'))));
          }
          Instant until = Instant.parse(String.valueOf(facts.get("until")));
          sheet.line(
              "receipt.consent.until",
              Map.of(
                  "date",
                  messages.date(ReceiptLayout.day(until)),
                  "time",
                  DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(ReceiptLayout.PARIS))));
          sheet.line("receipt.consent.stop", Map.of());
        });
  }
}
