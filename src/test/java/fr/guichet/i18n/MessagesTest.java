package fr.guichet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void everyBundleHasEveryKeyOfTheFrenchReference() {
    Set<String> reference = Messages.of(Language.FRENCH).keys();
    for (Language l : Language.values()) {
      assertThat(Messages.of(l).keys()).as(l.tag()).isEqualTo(reference);
    }
  }

  @Test
  void placeholdersAreTheSameInEveryLanguage() {
    Messages fr = Messages.of(Language.FRENCH);
    for (Language l : Language.values()) {
      Messages other = Messages.of(l);
      for (String key : fr.keys()) {
        assertThat(arguments(other, key)).as(l.tag() + " " + key).isEqualTo(arguments(fr, key));
      }
    }
  }

  @Test
  void formatsNamedArgumentsPluralsAndDates() {
    Messages fr = Messages.of(Language.FRENCH);
    Messages en = Messages.of(Language.ENGLISH);
    assertThat(fr.text("account.days-left", Map.of("days", 0))).isEqualTo("C’est le dernier jour.");
    assertThat(fr.text("account.days-left", Map.of("days", 1))).isEqualTo("Il reste 1 jour.");
    assertThat(fr.text("account.days-left", Map.of("days", 32))).isEqualTo("Il reste 32 jours.");
    assertThat(en.text("account.days-left", Map.of("days", 1))).isEqualTo("1 day left.");
    assertThat(fr.date(LocalDate.of(2026, 12, 31))).isEqualTo("31 décembre 2026");
    assertThat(en.date(LocalDate.of(2026, 12, 31))).isEqualTo("December 31, 2026");
  }

  @Test
  void anUnknownKeyShowsItselfInsteadOfCrashing() {
    assertThat(Messages.of(Language.ENGLISH).text("no.such.key")).isEqualTo("[no.such.key]");
    assertThat(Messages.of(Language.ENGLISH).has("no.such.key")).isFalse();
  }

  @Test
  void theLanguageKeyCyclesThroughEveryLanguage() {
    assertThat(Language.FRENCH.next()).isEqualTo(Language.ENGLISH);
    assertThat(Language.ENGLISH.next()).isEqualTo(Language.FRENCH);
    assertThat(Language.fromTag("EN")).hasValue(Language.ENGLISH);
    assertThat(Language.fromTag("xx")).isEmpty();
  }

  private static Set<String> arguments(Messages m, String key) {
    MessagePattern pattern = new MessagePattern(m.text(key).replace("’", "'"));
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < pattern.countParts(); i++) {
      MessagePattern.Part part = pattern.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
        names.add(pattern.getSubstring(part));
      }
    }
    return names;
  }
}
