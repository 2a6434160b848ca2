package fr.guichet.kiosk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.PendingActions;
import fr.guichet.kiosk.lanterna.VirtualScreen;
import fr.guichet.print.FileSink;
import fr.guichet.print.Pdfs;
import fr.guichet.testing.CuttingProxy;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk over HTTP, end to end: the reference server in-process, the kiosk's port over the
 * client, the calls on the kiosk's worker threads, the virtual terminal at 80×24. The main flows
 * only (the screens' own tests use the server in memory): a sitting from the login to an opposition
 * and its receipt; a lost reply tried again with the same key, the server acting once; the network
 * gone then back, the action going through by itself, once; an action left unconfirmed by a
 * restart, named at the next login with the person's name, done once.
 */
class DelegatedAccessOverHttpTest {
  @RegisterExtension final DemoSandbox sandbox = DemoSandbox.perTest();
  @TempDir Path documents;
  @TempDir Path state;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  final List<VirtualScreen> opened = new ArrayList<>();

  @AfterEach
  void close() throws IOException {
    for (VirtualScreen s : opened) {
      s.close();
    }
  }

  VirtualScreen open(String url, PendingActions pending) {
    Kiosk kiosk =
        new Kiosk(
            DelegatedAccessOverHttp.at(url),
            FileSink.workingCopies(documents),
            Language.FRENCH,
            clock);
    kiosk.usePendingActions(pending);
    VirtualScreen s = new VirtualScreen(kiosk, 80, 24);
    opened.add(s);
    return s;
  }

  VirtualScreen login(VirtualScreen s) {
    return s.type(DemoSandbox.LOGIN)
        .enter()
        .type(DemoSandbox.PASSWORD)
        .enter()
        .type(sandbox.freshTotp())
        .enter();
  }

  /** Login, Jeanne's card, her yes and the attestation: her account. */
  VirtualScreen jeannesAccount(VirtualScreen s) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get("p-jeanne");
    return login(s)
        .type(p.nir())
        .enter()
        .type("14/03/1950")
        .enter()
        .type(p.vitale())
        .enter()
        .type("1")
        .enter();
  }

  long oppositions() {
    return sandbox.journal("person:p-jeanne").stream()
        .filter(l -> l.equals("OPPOSITION_RECORDED OK"))
        .count();
  }

  @Test
  void aSittingFromTheLoginToAnOppositionAndItsReceipt() throws Exception {
    VirtualScreen s = open(sandbox.server().url(), PendingActions.inMemory());
    s.type(DemoSandbox.LOGIN).enter().type("mauvais").enter().type(sandbox.freshTotp()).enter();
    assertThat(s.flowing()).contains("La connexion n’a pas marché");
    s.type(DemoSandbox.PASSWORD).enter().type(sandbox.freshTotp()).enter();
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get("p-jeanne");
    s.type(p.nir()).enter().type("14/03/1950").enter().type(p.vitale()).enter();
    assertThat(s.text()).contains("Pour : Jeanne Martin", "Votre accord");
    s.type("1").enter();
    assertThat(s.text()).contains("Espace bientôt créé", "Il reste 32 jours.", "● réseau");
    s.type("2").type("1");
    assertThat(s.flowing()).contains("refuser la création de l’espace de Jeanne M. (1950).");
    s.enter();
    assertThat(s.flowing())
        .contains("Votre refus est enregistré", "Vous pouvez annuler ce refus jusqu’au 31");
    s.type("1");
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    Path receipt;
    try (Stream<Path> files = Files.list(documents)) {
      receipt =
          files
              .filter(f -> f.getFileName().toString().startsWith("recu-rcp-"))
              .findFirst()
              .orElseThrow();
    }
    assertThat(Pdfs.qr(Files.readAllBytes(receipt)))
        .as("the QR code names the verification page the server gave at login")
        .startsWith(URI.create(sandbox.server().url()).resolve("verify").toString());
    s.press(KeyType.F10);
    assertThat(s.text()).contains("La séance est terminée").doesNotContain("Jeanne");
    assertThat(sandbox.journal("person:p-jeanne"))
        .containsExactly(
            "IDENTIFY OK",
            "CONSENT OK",
            "DELEGATION_OPENED OK",
            "ACCOUNT_READ OK",
            "CONSENT OK",
            "DELEGATION_OPENED OK",
            "DELEGATION_REVOKED OK",
            "OPPOSITION_RECORDED OK",
            "DELEGATION_REVOKED OK",
            "SITTING_ENDED OK");
    assertThat(sandbox.journal("mediator:m-camille")).startsWith("LOGIN REFUSED login-failed");
  }

  @Test
  void aLostReplyIsTriedAgainWithTheSameKeyAndTheServerActsOnce() throws IOException {
    try (CuttingProxy proxy =
        new CuttingProxy(sandbox.server().port(), "POST /v1/persons/p-jeanne/opposition", 1)) {
      VirtualScreen s = jeannesAccount(open(proxy.url(), PendingActions.inMemory()));
      s.type("2").type("1").enter();
      assertThat(proxy.dropped).hasValue(1);
      assertThat(s.flowing())
          .contains(
              "Le serveur n’a pas encore répondu",
              "Nous réessayons avec la même demande",
              "Nouvel essai dans 2 secondes.",
              "1 ► Réessayer maintenant",
              "○ pas de réseau");
      s.type("1");
      assertThat(s.flowing()).contains("Votre refus est enregistré", "● réseau");
    }
    assertThat(oppositions()).isEqualTo(1);
    assertThat(
            sandbox.query(
                "SELECT count(*) FROM receipt WHERE kind = 'record-opposition'", r -> r.getLong(1)))
        .containsExactly(1L);
  }

  @Test
  void theNetworkGoneThenBackTheActionGoesThroughByItselfOnce() throws IOException {
    try (CuttingProxy proxy =
        new CuttingProxy(sandbox.server().port(), "POST /v1/persons/p-jeanne/opposition", 2)) {
      VirtualScreen s = jeannesAccount(open(proxy.url(), PendingActions.inMemory()));
      s.type("2").type("1").enter();
      assertThat(s.flowing()).contains("Nouvel essai dans 2 secondes.");
      clock.advance(Duration.ofSeconds(1));
      assertThat(s.tick().flowing()).contains("Nouvel essai dans 1 seconde.");
      clock.advance(Duration.ofSeconds(1));
      assertThat(s.tick().flowing())
          .as("tried again by itself, lost again: a longer wait")
          .contains("Nouvel essai dans 5 secondes.");
      clock.advance(Duration.ofSeconds(5));
      s.tick();
      assertThat(s.flowing()).contains("Votre refus est enregistré");
      assertThat(proxy.dropped).hasValue(2);
    }
    assertThat(oppositions()).isEqualTo(1);
  }

  @Test
  void anActionLeftUnconfirmedByARestartIsNamedWithThePersonsNameAndDoneOnce() throws IOException {
    Path file = state.resolve("pending");
    try (CuttingProxy proxy =
        new CuttingProxy(sandbox.server().port(), "POST /v1/persons/p-jeanne/opposition", 10)) {
      VirtualScreen s = jeannesAccount(open(proxy.url(), PendingActions.inFile(file)));
      s.type("2").type("1").enter();
      assertThat(s.flowing())
          .contains("Le serveur n’a pas encore répondu", "○ pas de réseau")
          .doesNotContain("Votre refus est enregistré");
    }
    assertThat(Files.readString(file))
        .as("the name is sealed on disk")
        .contains("RECORD_OPPOSITION", "p-jeanne")
        .doesNotContain("Jeanne", "Martin", "1950");
    // The kiosk restarts (the file survived); the server had applied the opposition.
    VirtualScreen s = login(open(sandbox.server().url(), PendingActions.inFile(file)));
    assertThat(s.flowing())
        .contains(
            "1 action n’a peut-être pas été confirmée : refuser la création de l’espace pour"
                + " Jeanne M. (1950)");
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get("p-jeanne");
    s.type(p.nir()).enter().type("14/03/1950").enter().type(p.vitale()).enter().type("1").enter();
    assertThat(s.text()).contains("Vous avez refusé l’espace");
    assertThat(oppositions()).isEqualTo(1);
  }
}
