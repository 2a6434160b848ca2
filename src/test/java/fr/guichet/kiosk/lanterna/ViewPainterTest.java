package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.kiosk.View;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing is cut, at 80×24 as at 60×20, in Arabic, Creole and easy-to-read French: the attestation
 * the mediator signs is there whole in both languages, no line ends in "…", and every tile of the
 * account screen is on screen or on a page the screen says how to reach.
 */
class ViewPainterTest {
  @RegisterExtension final Counter counter = new Counter();

  static final List<Language> LANGUAGES =
      List.of(Language.ARABIC, Language.HAITIAN_CREOLE, Language.EASY_FRENCH);

  /** A tile's key in its box: at the start of the row, or at its end when right to left. */
  static final Pattern KEY = Pattern.compile("^ {1,3}([0-9A-Z]) |  ([0-9A-Z])$");

  VirtualScreen open(Language language, int columns, int rows) {
    return counter.open(counter.kiosk(language), columns, rows);
  }

  @Test
  void theAttestationIsWrappedWholeInBothLanguagesAtEverySize() throws Exception {
    for (Language language : LANGUAGES) {
      for (int[] size : new int[][] {{80, 24}, {60, 20}}) {
        VirtualScreen s = open(language, size[0], size[1]);
        counter.identify(s, "p-jeanne").type("1");
        String where = language.tag() + " at " + size[0] + "×" + size[1] + ":\n" + s.text();
        assertThat(s.text()).as(where).doesNotContain("…");
        if (language.needsTranslationFor(Language.FRENCH)) { // the mediator's words too
          assertThat(s.flowing())
              .as(where)
              .contains(Messages.of(Language.FRENCH).text("consent.attest.yes"));
        }
        if (!language.rightToLeft()) { // Arabic is checked through the French beside it
          assertThat(s.flowing())
              .as(where)
              .contains(
                  Messages.of(language).text("consent.attest"),
                  Messages.of(language).text("consent.attest.yes"));
        }
        s.enter();
        assertThat(s.text()).as("attested: the account").doesNotContain("…");
        s.close();
      }
    }
  }

  @Test
  void atSixtyByTwentyEveryTileOfTheAccountIsOnAPage() throws Exception {
    for (Language language : LANGUAGES) {
      VirtualScreen s = open(language, 60, 20);
      counter.toTheAccount(s, "p-louis", "1");
      Set<String> offered = new TreeSet<>();
      for (View.Tile t : s.kiosk.view().tiles()) {
        offered.add(t.key());
      }
      Set<String> seen = new TreeSet<>(keysOn(s));
      for (int page = 0; page < 5 && !seen.containsAll(offered); page++) {
        assertThat(s.flowing())
            .as(language.tag() + ": a screen in pages says so, to the mediator too\n" + s.text())
            .contains(
                "Pg↑",
                language.needsTranslationFor(Language.FRENCH)
                    ? "Touches Pg↑ et Pg↓ : changer de page."
                    : "Page 1 sur 2.");
        s.press(KeyType.PageDown);
        seen.addAll(keysOn(s));
      }
      assertThat(seen).as(language.tag() + ": every tile has its key drawn").containsAll(offered);
      assertThat(offered).as("Louis's account").contains("1", "9", "H", "C", "0");
      s.press(KeyType.PageUp, KeyType.PageUp, KeyType.PageUp, KeyType.PageUp);
      assertThat(s.text()).doesNotContain("…");
      s.close();
    }
  }

  static List<String> keysOn(VirtualScreen s) {
    return s.rows().stream()
        .map(KEY::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1) != null ? m.group(1) : m.group(2))
        .toList();
  }
}
