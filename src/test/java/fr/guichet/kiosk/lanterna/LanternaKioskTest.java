package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.input.KeyType;
import fr.guichet.api.ApiClient;
import fr.guichet.api.ApiException;
import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.print.FileSink;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin slice, keyboard only, on Lanterna's virtual terminal at 80×24, against the reference
 * server in-process: login, identification, consent, account, status sheet, end of sitting.
 */
class LanternaKioskTest {
  static final String UNKNOWN_NIR = "1 99 01 75 056 123 " + fr.guichet.domain.Nir.key("1990175056123");

  @TempDir Path data;
  @TempDir Path documents;
  DemoSandbox sandbox;
  VirtualScreen screen;

  @BeforeEach
  void start() {
    sandbox = new DemoSandbox(data);
  }

  @AfterEach
  void stop() throws IOException {
    screen.close();
    sandbox.close();
  }

  VirtualScreen open(Language language) {
    Kiosk kiosk = new Kiosk(new ApiClient(sandbox.server.url()), FileSink.workingCopies(documents), language,
        Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneId.of("Europe/Paris")));
    screen = new VirtualScreen(kiosk, 80, 24);
    return screen;
  }

  @Test
  void walksTheSliceInFrenchWithEveryRefusalExplained() throws IOException {
    VirtualScreen s = open(Language.FRENCH);
    assertThat(s.text()).contains("Connexion de la médiatrice ou du médiateur", "F2 Langue");

    s.type(DemoSandbox.LOGIN).enter().type("mauvais").enter().type(sandbox.freshTotp()).enter();
    assertThat(s.flowing()).contains("La connexion n’a pas marché. Vérifiez l’identifiant, le mot de passe et le code");
    assertThat(s.text()).doesNotContain("mauvais").doesNotContain("Exception");
    assertThat(s.cursor().getRow()).as("cursor on the password field").isEqualTo(rowOf(s, "Mot de passe") + 1);

    s.type(DemoSandbox.PASSWORD).enter().type("000000").enter();
    assertThat(s.flowing()).contains("La connexion n’a pas marché");

    s.type(DemoSandbox.PASSWORD).enter().type(sandbox.freshTotp()).enter();
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?", "Camille Bernard");

    s.type("2 50 03 75 056 123 73").enter().type("14/03/1950").enter().type("12345678").enter();
    assertThat(s.flowing()).contains("les 2 derniers chiffres ne correspondent pas");

    s.press(KeyType.Escape).type(UNKNOWN_NIR).enter().type("14/03/1950").enter().type("12345678").enter();
    assertThat(s.flowing()).contains("Personne ne correspond à ces informations");

    s.press(KeyType.Escape).type(DemoSandbox.JEANNE_NIR).enter().type("14/03/1950").enter().type("12345678").enter();
    assertThat(s.text()).contains("Pour : Jeanne Martin (né·e en 1950)", "Votre accord",
        "regarder l’état de votre espace Mon Espace Santé", "Jeanne, êtes-vous d’accord ?", "1  ✓  Oui, je suis d’accord");

    s.type("1");
    assertThat(s.text()).contains("la personne est-elle à côté de vous ?");
    s.enter();
    assertThat(s.text()).contains("Espace bientôt créé", "Date limite pour refuser : 31 décembre 2026.",
        "Il reste 32 jours.", "refuser la création de l’espace", "┌───────┐");

    s.type("1");
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    try (Stream<Path> files = Files.list(documents)) {
      assertThat(files.toList()).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".pdf"));
    }

    s.press(KeyType.F10);
    assertThat(s.text()).contains("La séance est terminée", "Rien de la personne n’est gardé sur cet ordinateur.")
        .doesNotContain("Jeanne").doesNotContain("1950");
    try (Stream<Path> files = Files.list(documents)) {
      assertThat(files.toList()).as("working copies are deleted with the sitting").isEmpty();
    }

    assertThat(sandbox.journal("mediator:m-camille")).containsExactly("LOGIN REFUSED login-failed",
        "LOGIN REFUSED login-failed", "LOGIN OK", "IDENTIFY REFUSED invalid-input", "IDENTIFY REFUSED identification-failed");
    assertThat(sandbox.journal("person:p-jeanne")).containsExactly("IDENTIFY OK", "CONSENT OK", "DELEGATION_OPENED OK",
        "ACCOUNT_READ OK", "STATUS_STATEMENT_ISSUED OK", "DELEGATION_REVOKED OK");

    s.enter();
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?");
  }

  @Test
  void walksTheSliceInEnglishAndSwitchesLanguageMidFlowWithoutLosingTheStep() {
    VirtualScreen s = open(Language.ENGLISH);
    assertThat(s.text()).contains("Mediator login", "F2 Language");
    s.type(DemoSandbox.LOGIN).enter().type(DemoSandbox.PASSWORD).enter().type(sandbox.freshTotp()).enter();
    assertThat(s.text()).contains("Who are you helping today?");

    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03/19");
    s.press(KeyType.F2);
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?", "2 50 03 75 056 123 72", "14/03/19");
    s.press(KeyType.F2).type("50").enter().type("12345678").enter();
    assertThat(s.text()).contains("For: Jeanne Martin (born in 1950)", "Jeanne, do you agree?");

    s.type("1").enter();
    assertThat(s.text()).contains("Space to be created soon", "Last day to refuse: December 31, 2026.", "32 days left.");
    s.press(KeyType.F2);
    assertThat(s.text()).contains("Espace bientôt créé", "Date limite pour refuser : 31 décembre 2026.");
    s.press(KeyType.F2).press(KeyType.F10);
    assertThat(s.text()).contains("The sitting is over").doesNotContain("Jeanne");
  }

  @Test
  void aPersonWhoSaysNoLeavesNothingBehindAndNoDelegationIsOpened() {
    VirtualScreen s = open(Language.FRENCH);
    s.type(DemoSandbox.LOGIN).enter().type(DemoSandbox.PASSWORD).enter().type(sandbox.freshTotp()).enter();
    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03/1950").enter().type("12345678").enter();
    s.type("2");
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?").doesNotContain("Jeanne");
    assertThat(s.flowing()).contains("La personne n’a pas donné son accord. Rien n’a été fait.");
    assertThat(sandbox.journal("person:p-jeanne")).containsExactly("IDENTIFY OK");
  }

  @Test
  void endingTheSittingRevokesTheDelegationOnTheServer() {
    VirtualScreen s = open(Language.FRENCH);
    s.type(DemoSandbox.LOGIN).enter().type(DemoSandbox.PASSWORD).enter().type(sandbox.freshTotp()).enter();
    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03/1950").enter().type("12345678").enter().type("1").enter();
    s.type("2");
    assertThat(s.text()).contains("La séance est terminée");
    assertThat(sandbox.journal("person:p-jeanne")).last().isEqualTo("DELEGATION_REVOKED OK");
  }

  @Test
  void helpAndTheSupportLineAreOneKeyAwayAndGoBackWhereTheyWere() {
    VirtualScreen s = open(Language.FRENCH);
    s.type("demo").press(KeyType.F1);
    assertThat(s.text()).contains("Aide", "Tapez votre identifiant, puis Entrée.");
    s.press(KeyType.Escape);
    assertThat(s.text()).contains("Connexion de la médiatrice", "demo");
    s.press(KeyType.F3);
    assertThat(s.text()).contains("3422", "Du lundi au vendredi, de 8 h 30 à 17 h 30.");
  }

  @Test
  void aServerThatStoppedAnswersIsSaidPlainly() {
    VirtualScreen s = open(Language.FRENCH);
    sandbox.close();
    s.type(DemoSandbox.LOGIN).enter().type(DemoSandbox.PASSWORD).enter().type("123456").enter();
    assertThat(s.flowing()).contains("Le serveur ne répond pas. Vérifiez le réseau, puis réessayez.");
    sandbox = new DemoSandbox(data);
    assertThatThrownBy(() -> new ApiClient("http://127.0.0.1:1/").health()).isInstanceOf(ApiException.class);
  }

  private static int rowOf(VirtualScreen s, String text) {
    var rows = s.rows();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not on screen:\n" + s.text());
  }
}
