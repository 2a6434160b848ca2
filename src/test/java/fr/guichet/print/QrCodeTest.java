package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QrCodeTest {
  @Test
  void encodesTextIntoASquareWithFinderPatterns() {
    QrCode qr = QrCode.of("Guichet — vérifiable");
    assertThat(qr.size()).isGreaterThanOrEqualTo(21);
    // The three finder patterns start with a dark corner module.
    assertThat(qr.dark(0, 0)).isTrue();
    assertThat(qr.dark(qr.size() - 1, 0)).isTrue();
    assertThat(qr.dark(0, qr.size() - 1)).isTrue();
  }

  @Test
  void refusesMoreThanOneCodeCanHold() {
    assertThatThrownBy(() -> QrCode.of("x".repeat(5000)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
