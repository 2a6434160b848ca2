package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import java.util.Set;

/**
 * The receipt of an opposition to the creation of the space, or of its withdrawal: what it changes,
 * and until when the person may change their mind.
 *
 * <pre>{@code
 * byte[] pdf = OppositionReceipt.render(result.receipt(), settings.withPaper(Paper.ROLL_80MM));
 * }</pre>
 */
public final class OppositionReceipt {
  static final Set<ReceiptKind> KINDS =
      Set.of(ReceiptKind.RECORD_OPPOSITION, ReceiptKind.WITHDRAW_OPPOSITION);

  private OppositionReceipt() {}

  public static byte[] render(Receipt receipt, PrintSettings settings) {
    return ReceiptLayout.render(receipt, settings, KINDS);
  }
}
