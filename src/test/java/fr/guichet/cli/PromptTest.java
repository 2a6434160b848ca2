package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptTest {
  @Test
  void withoutATerminalNobodyIsAsked() {
    // Tests run with their streams redirected: no terminal, as for a script.
    Prompt console = Prompt.console();
    assertThat(console.available()).isFalse();
    if (System.console() == null) {
      assertThatThrownBy(() -> console.line("? ")).isInstanceOf(IllegalStateException.class);
    }
  }
}
