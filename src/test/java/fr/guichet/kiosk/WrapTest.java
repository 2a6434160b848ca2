package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapTest {
  @Test
  void cutsAtSpaces() {
    assertThat(Wrap.lines("Votre espace va être créé.", 12))
        .containsExactly("Votre espace", "va être", "créé.");
  }

  @Test
  void keepsIndentationOnEveryLine() {
    assertThat(Wrap.lines("  • refuser la création", 13))
        .containsExactly("  • refuser", "  la création");
  }

  @Test
  void cutsAWordLongerThanTheWidth() {
    assertThat(Wrap.lines("/tmp/abcdefghij", 6)).containsExactly("/tmp/a", "bcdefg", "hij");
  }

  @Test
  void keepsExplicitLineBreaksAndEmptyLines() {
    assertThat(Wrap.lines("a\n\nb", 10)).containsExactly("a", "", "b");
    assertThat(Wrap.lines("anything", 0)).isEmpty();
  }
}
