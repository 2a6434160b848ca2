package fr.guichet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseTest {
  @Test
  void oneSetOfValuesWrittenInEachLanguage() {
    Phrase until = Phrase.of("account.deadline", Map.of("date", LocalDate.of(2026, 12, 31)));
    assertThat(until.in(Messages.of(Language.FRENCH))).contains("31 décembre 2026");
    assertThat(until.in(Messages.of(Language.SPANISH))).contains("31 de diciembre de 2026");
    assertThat(Phrase.of("receipt.title.close").in(Messages.of(Language.ENGLISH)))
        .isEqualTo(Messages.of(Language.ENGLISH).text("receipt.title.close"));
  }

  @Test
  void keepsItsValuesAsTheyWereGiven() {
    Map<String, Object> values = new HashMap<>(Map.of("date", LocalDate.of(2026, 12, 31)));
    Phrase phrase = Phrase.of("account.deadline", values);
    values.put("date", LocalDate.of(2030, 1, 1));
    assertThat(phrase.in(Messages.of(Language.FRENCH))).contains("2026");
  }
}
