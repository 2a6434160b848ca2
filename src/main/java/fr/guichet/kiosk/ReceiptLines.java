package fr.guichet.kiosk;

import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptStory;
import fr.guichet.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What a receipt says on the screen of a result: what happened, then how to undo it and until when,
 * as {@link ReceiptStory} tells it from the signed receipt, in the counter's time zone. The paper,
 * the command line and the verification page tell the same sentences: one vocabulary.
 *
 * <pre>{@code
 * lines.addAll(ReceiptLines.of(result.receipt(), kiosk, m)); // "Vous pouvez annuler ce refus jusqu’au …"
 * }</pre>
 */
final class ReceiptLines {
  private ReceiptLines() {}

  static List<String> of(Receipt receipt, Kiosk kiosk, Messages m) {
    ReceiptStory story = ReceiptStory.of(receipt, kiosk.clock().getZone());
    List<String> lines = new ArrayList<>();
    story.happened().forEach(s -> lines.add(line(s, m)));
    story.undo().forEach(s -> lines.add(line(s, m)));
    return lines;
  }

  /** A sentence as a line; an item of a list under its heading, with a bullet. */
  private static String line(ReceiptStory.Sentence s, Messages m) {
    String text = m.text(s.key(), s.params());
    return s.level() == ReceiptStory.Level.ITEM ? "  • " + text : text;
  }
}
