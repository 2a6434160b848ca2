package fr.guichet.kiosk;

import fr.guichet.print.Delivery;
import fr.guichet.print.DocumentSink;
import fr.guichet.print.FileSink;
import fr.guichet.print.PrintFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Printing at the counter, and its fallback: a document the printer refuses is kept in memory,
 * said, and saved to a file on F8 (with every other one refused), so that a printer out of paper
 * never loses a receipt. The documents of a sitting go with it (the working copies are deleted,
 * unless the operator chose a folder to keep them).
 *
 * <pre>{@code
 * Printing printing = new Printing(new PrinterSink("accueil"));
 * Say said = printing.print("recu-rcp-1.pdf", pdf); // "printed", or "refused: F8 saves it"
 * if (printing.holdsUnprinted()) { said = printing.saveUnprinted(); }
 * }</pre>
 */
final class Printing {
  private final DocumentSink output;

  /** The documents the printer refused, kept in memory until saved or the sitting ends. */
  private final List<Unprinted> unprinted = new ArrayList<>();

  private FileSink fallback;
  private int keptFiles;

  private record Unprinted(String fileName, byte[] pdf) {}

  Printing(DocumentSink output) {
    this.output = output;
  }

  /** Prints a document, or says why not and keeps it for {@link #saveUnprinted()}. */
  Say print(String fileName, byte[] pdf) {
    try {
      Delivery d = output.deliver(fileName, pdf);
      return Say.success(
          "print.done." + d.kind().name().toLowerCase(Locale.ROOT), Map.of("where", d.where()));
    } catch (PrintFailure e) {
      unprinted.add(new Unprinted(fileName, pdf));
      return new Say(
          View.Tone.ERROR, "print.failed-save", Map.of("why", new Say.Word(e.messageKey())));
    }
  }

  /** Whether a refused document waits to be saved (F8 is then reminded). */
  boolean holdsUnprinted() {
    return !unprinted.isEmpty();
  }

  /**
   * Saves the refused documents, each to a file of its own, in a temporary folder that goes with
   * the sitting (and that the next start clears if the kiosk is killed meanwhile). Says where: the
   * file, or the folder when there are several.
   */
  Say saveUnprinted() {
    try {
      if (fallback == null) {
        fallback = FileSink.temporary();
      }
      Delivery last = null;
      int saved = 0;
      while (!unprinted.isEmpty()) {
        Unprinted u = unprinted.get(0);
        last = fallback.deliver(u.fileName(), u.pdf());
        unprinted.remove(0);
        saved++;
      }
      String where = saved <= 1 ? last.where() : Path.of(last.where()).getParent().toString();
      return Say.success("print.done.file", Map.of("where", where));
    } catch (PrintFailure e) {
      return Say.error("print.error.file");
    }
  }

  /** The sitting ended: its documents go, except those kept in a folder the operator chose. */
  void endSitting() {
    keptFiles = output.endSitting().size();
    unprinted.clear();
    if (fallback != null) {
      fallback.endSitting();
    }
  }

  /** How many documents of the last sitting stay on disk in the folder the operator chose. */
  int keptFiles() {
    return keptFiles;
  }
}
