package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Messages;
import java.util.Map;
import java.util.Set;

/**
 * The receipt of a closure (with or without a deletion request), of a later deletion request, or of
 * a reopening: the dates that matter (archive end, deletion due) and how to undo it.
 *
 * <pre>{@code
 * byte[] pdf = ClosureReceipt.render(result.receipt(), Messages.of(Language.FRENCH), Paper.A4, link);
 * }</pre>
 */
public final class ClosureReceipt {
  static final Set<String> KINDS = Set.of("close", "request-deletion", "reopen");

  private ClosureReceipt() {}

  public static byte[] render(Receipt receipt, Messages m, Paper paper, ReceiptLink link) {
    if (!KINDS.contains(receipt.kind())) {
      throw new IllegalArgumentException("Not a closure receipt: " + receipt.kind());
    }
    return ReceiptLayout.render(
        receipt,
        m,
        paper,
        link,
        (sheet, facts, messages) -> {
          if (receipt.kind().equals("reopen")) {
            sheet.line(
                Boolean.TRUE.equals(facts.get("dataRestored"))
                    ? "receipt.reopen.restored"
                    : "receipt.reopen.not-restored",
                Map.of());
            return;
          }
          String deletion = ReceiptLayout.date(facts, "deletionDue", messages);
          if (deletion.isEmpty()) {
            sheet.line(
                "account.archive-end",
                Map.of("date", ReceiptLayout.date(facts, "archiveEnd", messages)));
            sheet.line("receipt.undo.reopen", Map.of());
          } else {
            sheet.line("account.deletion-due", Map.of("date", deletion));
            sheet.line("receipt.undo.reopen-before", Map.of("date", deletion));
          }
        });
  }
}
