package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.print.Pdfs;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The journal screen ({@code fr.guichet.kiosk.JournalScreen}) on the virtual terminal at 80×24,
 * against the server in memory: its own consent, the lines of what was just done newest first, the
 * chain checked, the extract printed, the pages, the person's no, and a refusal by the server that
 * lands in the journal too.
 */
class JournalScreenTest {
  private static final String TILE = "Ce qui a été fait en votre nom";

  @RegisterExtension final Counter counter = new Counter();
  Kiosk kiosk;

  FakeServer server() {
    return counter.server();
  }

  VirtualScreen open(Language language) {
    kiosk = counter.kiosk(language);
    return counter.open(kiosk);
  }

  /** Login, Jeanne's papers, her yes and the attestation: the account screen. */
  VirtualScreen toTheAccount(VirtualScreen s) {
    return counter.toTheAccount(s, "p-jeanne", null);
  }

  List<String> journal() {
    return server().journal("person:p-jeanne");
  }

  /** The text of Jeanne's printed journal extract, as the PDF reads top to bottom. */
  String printedJournal() throws IOException {
    Path pdf;
    try (Stream<Path> files = Files.list(counter.documents())) {
      pdf =
          files
              .filter(f -> f.getFileName().toString().startsWith("journal-p-jeanne-"))
              .findFirst()
              .orElseThrow();
    }
    return Pdfs.flowing(Files.readAllBytes(pdf));
  }

  @Test
  void asksItsOwnConsentThenShowsWhatWasJustDoneNewestFirstAndPrintsIt() throws IOException {
    VirtualScreen s = toTheAccount(open(Language.FRENCH));
    assertThat(s.text()).contains("✎  " + TILE);
    s.type(Counter.tile(s, TILE));
    assertThat(s.flowing())
        .contains(
            "◉ lire votre historique",
            "30 minutes au plus",
            "Jeanne, voulez-vous voir tout ce qui a été fait en votre nom ?");
    assertThat(journal())
        .as("nothing read before the person's yes")
        .doesNotContain("JOURNAL_READ OK");

    s.enter();
    assertThat(journal())
        .containsSubsequence("CONSENT OK", "ACCOUNT_READ OK", "CONSENT OK", "JOURNAL_READ OK");
    assertThat(s.text())
        .contains(
            "✓ Vérifié : chaque ligne est reliée à celle d’avant. La chaîne est complète.",
            "✓ 29/11/2026 10:00 · autorisation annulée · fait · Camille Bernard",
            "✓ 29/11/2026 10:00 · état de l’espace regardé · fait · Camille Bernard",
            "✓ 29/11/2026 10:00 · identification · fait · Camille Bernard",
            "1  ▤  Imprimer votre historique",
            "Échap  ◄  Retour")
        .doesNotContain(
            TILE + "  1/", "Voir les lignes plus anciennes", "Revenir aux lignes plus récentes");
    assertThat(s.rowOf("autorisation annulée"))
        .as("the newest first: the first delegation, replaced just now")
        .isLessThan(s.rowOf("état de l’espace regardé"))
        .isLessThan(s.rowOf("identification"));
    assertThat(kiosk.text())
        .as("the plain mode reads the same lines")
        .contains(
            "✓ 29/11/2026 10:00 · autorisation annulée · fait · Camille Bernard",
            "1 Imprimer votre historique");

    s.type("1");
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    assertThat(printedJournal())
        .contains(
            "Votre historique",
            "Pour : Jeanne M. (1950)",
            "identification · fait",
            "accord donné · fait",
            "état de l’espace regardé · fait · Camille Bernard",
            "autorisation annulée · fait");
    assertThat(s.text())
        .as("still on the list")
        .contains("✓ 29/11/2026 10:00 · identification · fait · Camille Bernard");
  }

  @Test
  void moreLinesThanFitArePagedWithTheArrowsOrTheDigits() {
    VirtualScreen s = toTheAccount(open(Language.FRENCH));
    s.type(Counter.tile(s, TILE))
        .enter()
        .press(KeyType.Escape); // 2 more lines: the journal read, the account read
    s.type(Counter.tile(s, TILE));
    assertThat(s.text())
        .contains(
            TILE + "  1/2",
            "historique lu",
            "2  ►  Voir les lignes plus anciennes",
            "Échap  ◄  Retour")
        .doesNotContain("identification", "Revenir aux lignes plus récentes");
    s.press(KeyType.ArrowDown);
    assertThat(s.text())
        .contains(
            TILE + "  2/2",
            "✓ Vérifié",
            "accord donné · fait · Camille Bernard",
            "identification · fait · Camille Bernard",
            "3  ◄  Revenir aux lignes plus récentes",
            "Échap  ◄  Retour")
        .doesNotContain("historique lu", "Voir les lignes plus anciennes");
    assertThat(s.rowOf("accord donné")).isLessThan(s.rowOf("identification"));
    s.press(KeyType.ArrowDown);
    assertThat(s.text()).as("no page after the last").contains(TILE + "  2/2");
    s.type("3");
    assertThat(s.text()).contains(TILE + "  1/2", "historique lu");
    s.type("2");
    assertThat(s.text()).contains(TILE + "  2/2");
    s.press(KeyType.ArrowUp);
    assertThat(s.text()).contains(TILE + "  1/2");
  }

  @Test
  void theSecondTimeInTheSittingTheConsentIsNotAskedAgainAndTheNewLinesAreThere() {
    VirtualScreen s = toTheAccount(open(Language.FRENCH));
    s.type(Counter.tile(s, TILE)).enter();
    s.press(KeyType.Escape);
    assertThat(s.text()).contains("Espace bientôt créé");
    s.type(Counter.tile(s, TILE));
    assertThat(s.text())
        .doesNotContain("voulez-vous voir")
        .contains("✓ 29/11/2026 10:00 · historique lu · fait · Camille Bernard");
    assertThat(journal().stream().filter(l -> l.equals("CONSENT OK"))).hasSize(2);
  }

  @Test
  void everyTileStaysOnScreenInTheLongestCaseAt80By24() {
    VirtualScreen s = toTheAccount(open(Language.PORTUGUESE)); // the French of the mediator beside
    for (int i = 0; i < 4; i++) { // more lines: three pages
      s.type(Counter.tile(s, "O que foi feito em seu nome"));
      if (i == 0) {
        s.enter();
      }
      s.press(KeyType.Escape);
    }
    s.type(Counter.tile(s, "O que foi feito em seu nome"))
        .press(KeyType.ArrowDown)
        .type("1"); // a middle page, a notice
    assertThat(s.text())
        .contains(
            "O que foi feito em seu nome  2/3",
            "Verificado aqui",
            "Ver as linhas mais antigas",
            "Voltar às linhas mais recentes",
            "Échap");
    assertThat(s.rowOf("Échap"))
        .as("the way back is drawn above the notice:\n" + s.text())
        .isPositive()
        .isLessThan(s.rowOf("A folha está guardada"));
  }

  @Test
  void aCaregiverReadsThePersonsJournalAndARefusalIsMarkedAndSaid() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> server().openFor("p-alain", "p-georgette", "sharing:manage")))
        .isInstanceOf(fr.guichet.kiosk.ServerProblem.class);
    VirtualScreen s = open(Language.FRENCH);
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get("p-alain");
    s.type(DemoSandbox.LOGIN)
        .enter()
        .type(DemoSandbox.PASSWORD)
        .enter()
        .type(server().freshTotp())
        .enter();
    s.type(p.nir()).enter().type("8/10/1962").enter().type(p.vitale()).enter();
    s.type("2").type("1").enter(); // for Georgette, whom he cares for; her yes
    assertThat(s.text()).contains("Pour : Georgette Roux", "par Alain Roux, aidant");
    s.type(Counter.tile(s, TILE)).enter();
    assertThat(s.text())
        .contains("✓ Vérifié", "✗ 29/11/2026 10:00 · accord donné · refusé · Camille Bernard");
    assertThat(s.rows())
        .as("the consent he then gave, done")
        .anyMatch(
            r -> r.matches(" ✓ 29/11/2026 \\d\\d:\\d\\d · accord donné · fait · Camille Bernard"));
    assertThat(server().journal("person:p-georgette"))
        .contains("CONSENT REFUSED caregiver-forbidden", "JOURNAL_READ OK");
  }

  @Test
  void whenThePersonSaysNoNothingIsRead() {
    VirtualScreen s = toTheAccount(open(Language.FRENCH));
    s.type(Counter.tile(s, TILE));
    s.press(KeyType.Escape);
    assertThat(s.text()).contains("Espace bientôt créé");
    assertThat(journal())
        .doesNotContain("JOURNAL_READ OK")
        .filteredOn(l -> l.startsWith("CONSENT"))
        .hasSize(1);
    assertThat(server().delegations("journal:read")).isZero();
  }

  @Test
  void anExpiredAgreementIsRefusedByTheServerAndTheRefusalIsInTheJournal() {
    VirtualScreen s = toTheAccount(open(Language.FRENCH));
    s.type(Counter.tile(s, TILE)).enter().press(KeyType.Escape);
    server().clock().advance(Duration.ofMinutes(20));
    s.type(Counter.tile(s, TILE)).press(KeyType.Escape); // the mediator's session stays alive
    server().clock().advance(Duration.ofMinutes(11)); // the agreement lasted 30 minutes
    s.type(Counter.tile(s, TILE));
    assertThat(s.flowing()).contains("Le temps de l’accord est fini");
    assertThat(s.text()).doesNotContain("Vérifié ici");
    List<String> lines = journal();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("JOURNAL_READ REFUSED delegation-expired");
  }

  /**
   * Issue 12: one journal entry, the same time on screen and on paper at a counter in French Guiana
   * (UTC−3, where Paris is UTC+1 in November): 09:00 UTC is 06:00 there, said under the zone's
   * name.
   */
  @Test
  void screenAndPaperShowTheSameTimeForOneEntryAtACounterOutsideParis() throws IOException {
    Clock cayenne = Counter.NINE_IN_PARIS.withZone(ZoneId.of("America/Cayenne"));
    VirtualScreen s =
        counter.toTheAccount(
            counter.open(Language.FRENCH, Kiosk.Options.DEFAULTS, cayenne), "p-jeanne", null);
    s.type(Counter.tile(s, TILE)).enter();
    String zone = "Toutes les heures sont à l’heure de Cayenne";
    String row = "06:00 · identification · fait · Camille Bernard";
    assertThat(s.flowing()).contains(zone, "29/11/2026 " + row).doesNotContain("10:00");

    s.type("1");
    assertThat(printedJournal()).contains(zone, "29 novembre 2026 " + row).doesNotContain("10:00");
  }
}
