package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Messages;
import java.util.Map;
import java.util.Set;

/**
 * The receipts of the other actions: activation, creation on request, a caregiver given or refused
 * access, a medical profile section updated.
 *
 * <pre>{@code
 * byte[] pdf = ActionReceipt.render(result.receipt(), Messages.of(Language.FRENCH), Paper.A4, link);
 * }</pre>
 */
public final class ActionReceipt {
  static final Set<String> KINDS =
      Set.of(
          "activate",
          "create-on-request",
          "caregiver-added",
          "caregiver-removed",
          "profile-update");

  private ActionReceipt() {}

  public static byte[] render(Receipt receipt, Messages m, Paper paper, ReceiptLink link) {
    if (!KINDS.contains(receipt.kind())) {
      throw new IllegalArgumentException("Not an action receipt: " + receipt.kind());
    }
    return ReceiptLayout.render(
        receipt,
        m,
        paper,
        link,
        (sheet, facts, messages) -> {
          switch (receipt.kind()) {
            case "caregiver-added", "caregiver-removed" -> {
              sheet.line(
                  "receipt.caregiver", Map.of("caregiver", String.valueOf(facts.get("caregiver"))));
              sheet.line("receipt.undo." + receipt.kind(), Map.of());
            }
            case "profile-update" ->
                sheet.line(
                    "receipt.profile.updated",
                    Map.of("version", String.valueOf(facts.get("version"))));
            default -> sheet.line("state." + facts.get("state") + ".sentence", Map.of());
          }
        });
  }

  /** The document of any receipt, by its kind. */
  public static byte[] any(Receipt receipt, Messages m, Paper paper, ReceiptLink link) {
    if (receipt.kind().equals("consent")) {
      return ConsentReceipt.render(receipt, m, paper, link);
    }
    if (OppositionReceipt.KINDS.contains(receipt.kind())) {
      return OppositionReceipt.render(receipt, m, paper, link);
    }
    if (ClosureReceipt.KINDS.contains(receipt.kind())) {
      return ClosureReceipt.render(receipt, m, paper, link);
    }
    return render(receipt, m, paper, link);
  }
}
