package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrinterSinkTest {
  @Test
  void aPrinterThatDoesNotExistIsSaidPlainly() {
    assertThatThrownBy(() -> new PrinterSink("no-such-printer-here").deliver("a.pdf", new byte[] {1}))
        .isInstanceOfSatisfying(PrintFailure.class, e -> assertThat(e.messageKey()).isEqualTo("print.error.no-printer"));
  }
}
