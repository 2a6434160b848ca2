package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import org.junit.jupiter.api.Test;

class LanguageScreenTest {
  final Screen below = LoginScreen.fresh();

  @Test
  void theArrowsMoveRoundTheListAndEscapeGoesBack() {
    LanguageScreen list = LanguageScreen.over(below, Language.FRENCH);
    assertThat(list.focus()).isZero();
    assertThat(((LanguageScreen) list.onKey(Key.UP, null)).focus())
        .isEqualTo(Language.values().length - 1);
    assertThat(((LanguageScreen) list.onKey(Key.DOWN, null)).focus()).isEqualTo(1);
    assertThat(list.onKey(Key.ESCAPE, null)).isSameAs(below);
  }

  @Test
  void startsOnTheLanguageShown() {
    assertThat(LanguageScreen.over(below, Language.ROMANIAN).focus())
        .isEqualTo(Language.ROMANIAN.ordinal());
  }
}
