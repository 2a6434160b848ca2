package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import java.util.Set;

/**
 * The receipt of a closure (with or without a deletion request), of a later deletion request, or of
 * a reopening: the dates that matter (archive end, deletion due) and how to undo it.
 *
 * <pre>{@code
 * byte[] pdf = ClosureReceipt.render(result.receipt(), settings);
 * }</pre>
 */
public final class ClosureReceipt {
  static final Set<ReceiptKind> KINDS =
      Set.of(ReceiptKind.CLOSE, ReceiptKind.REQUEST_DELETION, ReceiptKind.REOPEN);

  private ClosureReceipt() {}

  public static byte[] render(Receipt receipt, PrintSettings settings) {
    return ReceiptLayout.render(receipt, settings, KINDS);
  }
}
