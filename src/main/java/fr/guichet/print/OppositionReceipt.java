package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Messages;
import java.util.Map;
import java.util.Set;

/**
 * The receipt of an opposition to the creation of the space, or of its withdrawal: what it changes,
 * and until when the person may change their mind.
 *
 * <pre>{@code
 * byte[] pdf = OppositionReceipt.render(result.receipt(), Messages.of(Language.FRENCH), Paper.ROLL_80MM, link);
 * }</pre>
 */
public final class OppositionReceipt {
  static final Set<String> KINDS = Set.of("record-opposition", "withdraw-opposition");

  private OppositionReceipt() {}

  public static byte[] render(Receipt receipt, Messages m, Paper paper, ReceiptLink link) {
    if (!KINDS.contains(receipt.kind())) {
      throw new IllegalArgumentException("Not an opposition receipt: " + receipt.kind());
    }
    boolean opposed = receipt.kind().equals("record-opposition");
    return ReceiptLayout.render(
        receipt,
        m,
        paper,
        link,
        (sheet, facts, messages) -> {
          sheet.line(opposed ? "receipt.opposition.done" : "receipt.withdrawal.done", Map.of());
          String deadline = ReceiptLayout.date(facts, "oppositionDeadline", messages);
          if (!deadline.isEmpty()) {
            sheet.line(
                opposed ? "receipt.undo.withdraw" : "receipt.undo.oppose-again",
                Map.of("date", deadline));
          }
        });
  }
}
