package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import java.util.Set;

/**
 * The consent receipt: what the person allowed, to whom, until when, and that they can stop at any
 * time. The person leaves with it at the start of the sitting, not at the end.
 *
 * <pre>{@code
 * byte[] pdf = ConsentReceipt.render(delegation.receipt(), settings.withPerson(Language.ARABIC));
 * }</pre>
 */
public final class ConsentReceipt {
  private ConsentReceipt() {}

  public static byte[] render(Receipt receipt, PrintSettings settings) {
    return ReceiptLayout.render(receipt, settings, Set.of(ReceiptKind.CONSENT));
  }
}
