package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F1 says the keys each screen really has: every key a help names is on its screen (walked through
 * without a terminal, in every state the walk reaches), the account's help names each of its stable
 * keys, no translation names a key its French help does not, and plain mode's help says which line
 * is which key.
 */
class HelpScreenTest {
  /** "Touche 1", "Touches 2 et 3", "Touches 2 à 8" in a French help. */
  private static final Pattern NAMED = Pattern.compile("[Tt]ouches? (\\d)(?: (et|à) (\\d))?");

  /** A digit on its own: a key, or a number written the same in every language. */
  private static final Pattern DIGIT =
      Pattern.compile("(?<![0-9A-Za-z/.])([0-9])(?![0-9A-Za-z.ª-])");

  @TempDir Path docs;
  final FakeServer server = new FakeServer();
  Kiosk kiosk;

  /** Each help seen with F1, and the keys of the screens it was asked on. */
  final Map<String, Set<String>> keysOfHelp = new LinkedHashMap<>();

  @BeforeEach
  void start() {
    kiosk =
        new Kiosk(
            server,
            FileSink.workingCopies(docs),
            Language.FRENCH,
            Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneId.of("Europe/Paris")),
            Kiosk.Options.DEFAULTS.withCalls(Runnable::run));
  }

  void type(String text) {
    text.chars().forEach(c -> kiosk.press(Key.of((char) c)));
  }

  void enter() {
    kiosk.press(Key.ENTER);
  }

  /** F1 on the screen shown, then back: remembers the help and the screen's keys. */
  void help() {
    Set<String> keys =
        kiosk.view().tiles().stream().map(View.Tile::key).collect(Collectors.toSet());
    kiosk.press(Key.function(1));
    String help = String.join("\n", kiosk.view().lines());
    kiosk.press(Key.ESCAPE);
    keysOfHelp.computeIfAbsent(help, h -> new TreeSet<>()).addAll(keys);
  }

  void logIn() {
    type(DemoSandbox.LOGIN);
    enter();
    type(DemoSandbox.PASSWORD);
    enter();
    type(server.freshTotp());
    enter();
  }

  void identify(String person) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(person);
    type(p.nir());
    enter();
    type(p.birth().getDayOfMonth() + "/" + p.birth().getMonthValue() + "/" + p.birth().getYear());
    enter();
    type(p.vitale());
    enter();
  }

  @Test
  void everyKeyAHelpNamesIsAKeyOfItsScreen() {
    server.giveAccess("p-louis", "p-alain"); // a caregiver to take away
    help();
    logIn();
    help();
    identify("p-jeanne");
    help(); // the person's consent: 1, 2
    type("1");
    help(); // the attestation: Enter, Esc
    enter();
    help(); // the account
    type("2");
    help(); // an action explained: 1, 2
    type("1");
    help(); // the read-back: Enter
    enter();
    help(); // done: 1, 2
    type("2");
    type("H");
    enter();
    help(); // the history: 1, 2 (older lines)
    type("2");
    help(); // 3 (newer lines)
    kiosk.press(Key.function(10));
    enter();
    identify("p-louis");
    help(); // for whom
    type("1");
    type("1");
    enter();
    type("6");
    help(); // closing: 1, 2, 3, 4
    kiosk.press(Key.ESCAPE);
    type("A");
    help(); // who can help: 1, 2
    type("D");
    enter();
    help(); // the documents: 1 to 9
    kiosk.press(Key.ESCAPE);
    type("P");
    help(); // the profile's consent
    type("1");
    enter();
    help(); // the sections: 1, 2, 3
    type("G");
    help(); // a question
    type("7");
    help(); // the review: 1, 2, 3

    assertThat(keysOfHelp).hasSizeGreaterThanOrEqualTo(12);
    keysOfHelp.forEach(
        (help, keys) -> {
          Matcher named = NAMED.matcher(help);
          while (named.find()) { // "Touches 1 à 9": from 1, as many as there are
            List<String> said =
                "et".equals(named.group(2))
                    ? List.of(named.group(1), named.group(3))
                    : List.of(named.group(1));
            assertThat(keys)
                .as("\"" + named.group() + "\" in the help:\n" + help)
                .containsAll(said);
          }
        });
  }

  @Test
  void theAccountsHelpNamesEachOfItsKeysWhichNeverMove() {
    logIn();
    identify("p-louis");
    type("1");
    type("1");
    enter();
    List<String> keys = kiosk.view().tiles().stream().map(View.Tile::key).toList();
    assertThat(keys).containsExactly("1", "6", "9", "D", "P", "H", "A", "C", "0");
    kiosk.press(Key.function(1));
    String help = String.join("\n", kiosk.view().lines());
    assertThat(help)
        .contains(
            "Chaque choix a toujours la même touche. Un choix absent laisse sa touche libre.",
            "1 imprimer la fiche",
            "2 à 8 changer l’espace",
            "9 imprimer ce que vous avez permis",
            "0 ou F10 finir la séance",
            "D les documents",
            "P le profil médical",
            "H l’historique",
            "A qui peut vous aider",
            "C une autre personne");
  }

  @Test
  void noTranslationNamesAKeyItsFrenchHelpDoesNot() {
    Messages fr = Messages.of(Language.FRENCH);
    for (String key : fr.keys()) {
      if (!key.startsWith("help.")) {
        continue;
      }
      Set<String> french = digits(fr.text(key));
      for (Language l : Language.values()) {
        assertThat(french)
            .as(l.tag() + " " + key + ": " + Messages.of(l).text(key))
            .containsAll(digits(Messages.of(l).text(key)));
      }
    }
  }

  private static Set<String> digits(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = DIGIT.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
