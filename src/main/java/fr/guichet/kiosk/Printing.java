package fr.guichet.kiosk;

import fr.guichet.print.Delivery;
import fr.guichet.print.DocumentSink;
import fr.guichet.print.FileSink;
import fr.guichet.print.PrintFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

/**
 * Printing at the counter, and its fallback: a document the printer refuses is kept in memory,
 * said, and saved to a file on F8, so that a printer out of paper never loses a receipt. The
 * documents of a sitting go with it (the working copies are deleted, unless the operator chose a
 * folder to keep them).
 *
 * <pre>{@code
 * Printing printing = new Printing(new PrinterSink("accueil"));
 * Say said = printing.print("recu-rcp-1.pdf", pdf); // "printed", or "refused: F8 saves it"
 * if (printing.holdsUnprinted()) { said = printing.saveUnprinted(); }
 * }</pre>
 */
final class Printing {
  private final DocumentSink output;

  /** A document the printer refused, kept in memory until it is saved or the sitting ends. */
  private Unprinted unprinted;

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
      unprinted = null;
      return Say.success(
          "print.done." + d.kind().name().toLowerCase(Locale.ROOT), Map.of("where", d.where()));
    } catch (PrintFailure e) {
      unprinted = new Unprinted(fileName, pdf);
      return new Say(
          View.Tone.ERROR, "print.failed-save", Map.of("why", new Say.Word(e.messageKey())));
    }
  }

  /** Whether a refused document waits to be saved (F8 is then reminded). */
  boolean holdsUnprinted() {
    return unprinted != null;
  }

  /** Saves the refused document to a file of its own. */
  Say saveUnprinted() {
    try {
      if (fallback == null) {
        fallback = FileSink.workingCopies(Files.createTempDirectory("guichet-saved-"));
      }
      Delivery d = fallback.deliver(unprinted.fileName(), unprinted.pdf());
      unprinted = null;
      return Say.success("print.done.file", Map.of("where", d.where()));
    } catch (PrintFailure | IOException e) {
      return Say.error("print.error.file");
    }
  }

  /** The sitting ended: its documents go, except those kept in a folder the operator chose. */
  void endSitting() {
    keptFiles = output.endSitting().size();
    unprinted = null;
    if (fallback != null) {
      fallback.endSitting();
    }
  }

  /** How many documents of the last sitting stay on disk in the folder the operator chose. */
  int keptFiles() {
    return keptFiles;
  }
}
