package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * The receipts of the other actions (activation, creation on request, a caregiver given or refused
 * access, a medical profile section updated), and {@link #any} for a receipt of any kind.
 *
 * <pre>{@code
 * byte[] pdf = ActionReceipt.any(result.receipt(), settings.withPerson(kiosk.language()));
 * }</pre>
 */
public final class ActionReceipt {
  static final Set<ReceiptKind> KINDS =
      EnumSet.of(
          ReceiptKind.ACTIVATE,
          ReceiptKind.CREATE_ON_REQUEST,
          ReceiptKind.CAREGIVER_ADDED,
          ReceiptKind.CAREGIVER_REMOVED,
          ReceiptKind.PROFILE_UPDATE);

  private ActionReceipt() {}

  public static byte[] render(Receipt receipt, PrintSettings settings) {
    return ReceiptLayout.render(receipt, settings, KINDS);
  }

  /**
   * The paper of a receipt of any kind, statements included (a status or profile statement prints
   * as a receipt of what it states); a kind this version does not know is refused.
   */
  public static byte[] any(Receipt receipt, PrintSettings settings) {
    return ReceiptLayout.render(
        receipt, settings, EnumSet.complementOf(EnumSet.of(ReceiptKind.UNKNOWN)));
  }
}
