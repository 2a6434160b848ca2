package fr.guichet.print;

import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptKind;
import fr.guichet.contract.ReceiptStory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * What every receipt's paper shares: its title, for whom, what happened and how to undo it, when
 * and with whom it was done, the QR code of the signed receipt and its reference. Everything
 * printed comes from the signed payload, read by {@link ReceiptStory} (the reading the screen, the
 * command line and the verification page share): the paper says what is signed.
 */
final class ReceiptLayout {
  private ReceiptLayout() {}

  /** The paper of a receipt of one of {@code kinds}; another kind is refused. */
  static byte[] render(Receipt receipt, PrintSettings settings, Set<ReceiptKind> kinds) {
    ReceiptStory story = ReceiptStory.of(receipt, settings.zone());
    if (!kinds.contains(story.kind())) {
      throw new IllegalArgumentException("Not a receipt of " + kinds + ": " + receipt.kind());
    }
    try (Sheet sheet = new Sheet(settings, story.title().key())) {
      sheet.title(story.title().key());
      sheet.say(story.forWhom());
      if (story.actingAs() != null) {
        sheet.say(story.actingAs());
      }
      sheet.space(8);
      for (ReceiptStory.Sentence s : story.happened()) {
        sheet.say(s);
      }
      for (ReceiptStory.Sentence s : story.undo()) {
        sheet.say(s);
      }
      sheet.space(8);
      if (story.when() != null) {
        sheet.say(story.when());
      }
      sheet.line("sheet.help", Map.of());
      sheet.space(10);
      sheet.qr(settings.link().qrText(receipt), "receipt.qr", Map.of());
      sheet.small("sheet.reference", Map.of("id", receipt.receiptId()));
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the receipt " + receipt.receiptId(), e);
    }
  }
}
