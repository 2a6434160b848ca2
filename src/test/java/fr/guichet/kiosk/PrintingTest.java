package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.FileSink;
import fr.guichet.print.PrinterSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Printing and its fallback: a refused document is kept, said, and saved on F8; never lost. */
class PrintingTest {
  static final byte[] PDF =
      "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final Messages FR = Messages.of(Language.FRENCH);
  @TempDir Path documents;

  @Test
  void aDocumentIsPrintedAndTheWorkingCopyGoesWithTheSitting() throws IOException {
    Printing printing = new Printing(FileSink.workingCopies(documents));
    assertThat(printing.print("recu.pdf", PDF).in(FR).text()).contains("La fiche est enregistrée");
    assertThat(printing.holdsUnprinted()).isFalse();
    printing.endSitting();
    try (Stream<Path> files = Files.list(documents)) {
      assertThat(files).isEmpty();
    }
    assertThat(printing.keptFiles()).isZero();
  }

  @Test
  void aPrinterThatFailsKeepsTheDocumentForF8() {
    Printing printing = new Printing(new PrinterSink("no-such-printer"));
    Say said = printing.print("recu.pdf", PDF);
    assertThat(said.tone()).isEqualTo(View.Tone.ERROR);
    assertThat(said.in(FR).text()).contains("L’imprimante est introuvable", "F8");
    assertThat(printing.holdsUnprinted()).isTrue();
    assertThat(printing.saveUnprinted().in(FR).text()).contains("La fiche est enregistrée");
    assertThat(printing.holdsUnprinted()).isFalse();
    printing.endSitting();
  }

  @Test
  void theSittingsEndForgetsARefusedDocument() {
    Printing printing = new Printing(new PrinterSink("no-such-printer"));
    printing.print("recu.pdf", PDF);
    printing.endSitting();
    assertThat(printing.holdsUnprinted()).isFalse();
  }
}
