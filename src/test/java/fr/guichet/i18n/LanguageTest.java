package fr.guichet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void theHeaderNamesEasyToReadFrenchFalcAndTheOthersByTheirTag() {
    assertThat(Language.EASY_FRENCH.label()).isEqualTo("FALC");
    assertThat(Language.ARABIC.label()).isEqualTo("AR");
    assertThat(Language.HAITIAN_CREOLE.label()).isEqualTo("HT");
    for (Language l : Language.values()) {
      assertThat(l.label()).as(l.tag()).doesNotContain("-X-").hasSizeLessThanOrEqualTo(4);
    }
  }

  @Test
  void aFrenchReadingMediatorNeedsNoSecondLineForEasyToReadFrenchButDoesForTheOthers() {
    assertThat(Language.EASY_FRENCH.needsTranslationFor(Language.FRENCH)).isFalse();
    assertThat(Language.FRENCH.needsTranslationFor(Language.EASY_FRENCH)).isFalse();
    assertThat(Language.FRENCH.needsTranslationFor(Language.FRENCH)).isFalse();
    assertThat(Language.ARABIC.needsTranslationFor(Language.FRENCH)).isTrue();
    assertThat(Language.EASY_FRENCH.needsTranslationFor(Language.ENGLISH)).isTrue();
    assertThat(Language.FRENCH.needsTranslationFor(Language.ENGLISH)).isTrue();
  }

  @Test
  void aTagFindsItsLanguageWhateverItsCase() {
    assertThat(Language.fromTag("FR-X-FALC")).contains(Language.EASY_FRENCH);
    assertThat(Language.fromTag("falc")).contains(Language.EASY_FRENCH);
    assertThat(Language.fromTag("fr-falc")).contains(Language.EASY_FRENCH);
    assertThat(Language.fromTag("xx")).isEmpty();
  }
}
