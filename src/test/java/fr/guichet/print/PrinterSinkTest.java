package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PrinterSinkTest {
  @Test
  void aPrinterThatDoesNotExistIsSaidPlainly() {
    assertThatThrownBy(
            () -> new PrinterSink("no-such-printer-here").deliver("a.pdf", new byte[] {1}))
        .isInstanceOfSatisfying(
            PrintFailure.class,
            e -> assertThat(e.messageKey()).isEqualTo("print.error.no-printer"));
  }

  /**
   * A real job through the CUPS spooler to the cups-pdf virtual printer ({@code
   * scripts/cups-for-tests}, run by {@code .ci/run}, which sets GUICHET_TEST_PRINTER and
   * GUICHET_TEST_PRINTER_OUT).
   */
  @Test
  void printsThroughTheSpoolerAndThePrinterWritesTheText() throws Exception {
    String queue = System.getenv("GUICHET_TEST_PRINTER");
    String out = System.getenv("GUICHET_TEST_PRINTER_OUT");
    assumeTrue(queue != null && out != null, "no virtual printer: run scripts/cups-for-tests");
    String job = "guichet-" + UUID.randomUUID().toString().substring(0, 8);
    String marker = "Reçu d’opposition " + job;

    Delivery delivery = new PrinterSink(queue).deliver(job, document(marker));
    assertThat(delivery).isEqualTo(new Delivery(Delivery.Kind.PRINTER, queue));

    Path printed =
        waitFor(Path.of(out), job, Duration.ofSeconds(60))
            .orElseThrow(
                () ->
                    new AssertionError(
                        "the virtual printer wrote nothing for " + job + " in " + out));
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(printed))) {
      assertThat(new PDFTextStripper().getText(doc)).contains(marker);
    }
  }

  static byte[] document(String text) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDFont font = Fonts.regular(doc);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(font, 14);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  static Optional<Path> waitFor(Path dir, String job, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          Optional<Path> found =
              files.filter(f -> f.getFileName().toString().startsWith(job)).findFirst();
          if (found.isPresent() && Files.size(found.get()) > 0) {
            Thread.sleep(300); // let cups-pdf finish writing
            return found;
          }
        }
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }
}
