package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import org.junit.jupiter.api.Test;

/**
 * The size line of {@code stty size}, as the kiosk's terminal reads it instead of asking the
 * terminal.
 */
class KioskTerminalTest {
  @Test
  void readsRowsThenColumns() {
    assertThat(KioskTerminal.parseSize("24 80\n")).isEqualTo(new TerminalSize(80, 24));
    assertThat(KioskTerminal.parseSize(" 50  132 ")).isEqualTo(new TerminalSize(132, 50));
  }

  @Test
  void knowsNoSizeWhenSttyHasNone() {
    assertThat(KioskTerminal.parseSize("0 0")).isNull();
    assertThat(KioskTerminal.parseSize("")).isNull();
    assertThat(KioskTerminal.parseSize("stty: 'standard input': Inappropriate ioctl for device"))
        .isNull();
  }
}
