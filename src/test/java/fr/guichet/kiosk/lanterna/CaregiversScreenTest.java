package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.kiosk.PendingActions;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Qui peut vous aider" at the counter, keyboard only on the virtual terminal at 80×24, against the
 * server in memory: a caregiver given access then taken away (server state, journal, receipt), the
 * form checked as the identification is, the server's refusals in plain words with what to do
 * instead, a lost reply retried once, and the tile never shown to a caregiver acting for someone.
 */
class CaregiversScreenTest {
  @RegisterExtension final Counter counter = new Counter();

  FakeServer server() {
    return counter.server();
  }

  VirtualScreen open() {
    return counter.open(PendingActions.inMemory());
  }

  /**
   * Login, identification, for whom (a digit, or null when the person acts for nobody else),
   * consent.
   */
  VirtualScreen toTheAccount(VirtualScreen s, String personId, String forWhomDigit) {
    return counter.toTheAccount(s, personId, forWhomDigit);
  }

  /** Louis for himself: his account, then the tile "Qui peut vous aider" (its key: A). */
  VirtualScreen louissHelpers() {
    VirtualScreen s = toTheAccount(open(), "p-louis", "1");
    assertThat(s.text()).contains("A  ♥  Qui peut vous aider", "H  ✎", "0  ■");
    return s.type("A");
  }

  /** Types a demo person's papers into the caregiver form, Enter after each box. */
  static VirtualScreen typeCaregiver(
      VirtualScreen s, String personId, String lastName, String firstName) {
    DemoSandbox.Papers p = DemoSandbox.PEOPLE.get(personId);
    return s.type(p.nir())
        .enter()
        .type(lastName)
        .enter()
        .type(firstName)
        .enter()
        .type(
            p.birth().getDayOfMonth() + "/" + p.birth().getMonthValue() + "/" + p.birth().getYear())
        .enter();
  }

  String link(String caregiver, String person) {
    return server().link(caregiver, person);
  }

  /** Gives {@code caregiver} access to a space, as another counter would have (the scene). */
  void given(String person, String forPerson, String caregiver) {
    server().giveAccess(forPerson == null ? person : forPerson, caregiver);
  }

  @Test
  void aCaregiverIsGivenAccessWithTheConsentThenTheAccessIsTakenAway() throws IOException {
    VirtualScreen s = louissHelpers();
    assertThat(s.flowing())
        .contains(
            "Qui peut vous aider",
            "Personne d’autre n’a accès à votre espace.",
            "Il ne peut pas fermer votre espace",
            "1 + Donner accès à un aidant")
        .doesNotContain("Retirer l’accès d’un aidant");

    s.type("1");
    assertThat(s.flowing())
        .contains("Numéro de sécurité sociale de l’aidant", "Nom de naissance de l’aidant");
    typeCaregiver(s, "p-alain", "Roux", "Alain");
    assertThat(s.flowing())
        .contains(
            "Voici ce qui va être envoyé :",
            "donner accès à l’espace de Louis P. (1985) à l’aidant Alain Roux (date de naissance : 8 octobre 1962, numéro 1 62 10 97 611 150 29).",
            "Louis, voulez-vous le faire maintenant ?",
            "♥ choisir qui peut vous aider (aidants)",
            "Seulement pendant cette séance : 30 minutes au plus.",
            "la personne est-elle à côté de vous ?",
            "J’atteste que la personne est là et a dit oui : envoyer");
    assertThat(link("p-alain", "p-louis"))
        .as("nothing is sent before the attestation")
        .isEqualTo("none");

    s.enter();
    assertThat(s.flowing())
        .contains(
            "L’aidant a maintenant accès",
            "Aidant : Alain R. (1962)",
            "Vous pouvez retirer cet accès à tout moment.",
            "1 ▤ Imprimer le reçu",
            "C’est fait.");
    assertThat(link("p-alain", "p-louis")).isEqualTo("ACCEPTED");
    assertThat(server().journal("person:p-louis"))
        .containsSubsequence("CONSENT OK", "CONSENT OK", "CAREGIVER_ADDED OK");
    assertThat(server().liveScopes()).singleElement().asString().contains("sharing:manage");

    s.type("1");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anySatisfy(f -> assertThat(f).startsWith("recu-rcp-"));
    }

    s.type("2");
    assertThat(s.flowing())
        .contains(
            "Ces personnes ont accès à votre espace :",
            "♥ Alain Roux (aidant), année de naissance : 1962",
            "1 + Donner accès à un aidant",
            "2 − Retirer l’accès d’un aidant");
    s.type("2");
    assertThat(s.flowing())
        .contains("Quel aidant ne doit plus avoir accès", "1 ♥ Alain Roux (1962)");
    s.type("1");
    assertThat(s.flowing())
        .contains(
            "retirer à Alain Roux l’accès à l’espace de Louis P. (1985).", "Confirmer et envoyer")
        .as("the consent to manage access was given once for the sitting")
        .doesNotContain("la personne est-elle à côté de vous ?", "choisir qui peut vous aider");
    s.enter();
    assertThat(s.flowing())
        .contains(
            "L’aidant n’a plus accès",
            "Aidant : Alain R. (1962)",
            "Vous pouvez redonner cet accès plus tard.");
    assertThat(link("p-alain", "p-louis")).isEqualTo("REVOKED");
    assertThat(server().journal("person:p-louis"))
        .containsSubsequence("CAREGIVER_ADDED OK", "CAREGIVER_REMOVED OK");
    assertThat(server().journal("person:p-louis").stream().filter(l -> l.equals("CONSENT OK")))
        .hasSize(2);

    s.type("2");
    assertThat(s.flowing()).contains("Personne d’autre n’a accès à votre espace.");
    s.press(com.googlecode.lanterna.input.KeyType.Escape);
    assertThat(s.text()).contains("Espace ouvert", "A  ♥  Qui peut vous aider");
  }

  @Test
  void theFormChecksTheNumberAndTheDateBeforeAnythingIsSent() {
    VirtualScreen s = louissHelpers().type("1");
    String nir = DemoSandbox.PEOPLE.get("p-alain").nir();
    String wrongKey = nir.substring(0, 13) + (nir.endsWith("00") ? "01" : "00");
    s.type(wrongKey).enter().type("Roux").enter().type("Alain").enter().type("8/10/1962").enter();
    assertThat(s.flowing()).contains("les 2 derniers chiffres ne correspondent pas");
    for (int i = 0; i < 15; i++) {
      s.press(com.googlecode.lanterna.input.KeyType.Backspace);
    }
    s.type(nir)
        .press(
            com.googlecode.lanterna.input.KeyType.Tab,
            com.googlecode.lanterna.input.KeyType.Tab,
            com.googlecode.lanterna.input.KeyType.Tab);
    for (int i = 0; i < 9; i++) {
      s.press(com.googlecode.lanterna.input.KeyType.Backspace);
    }
    s.type("31/02/1962").enter();
    assertThat(s.flowing()).contains("Cette date de naissance n’existe pas");
    assertThat(server().journal("person:p-louis"))
        .doesNotContain("CAREGIVER_ADDED OK")
        .noneMatch(l -> l.startsWith("CAREGIVER_ADDED"));
  }

  @Test
  void aFourthCaregiverIsRefusedInPlainWordsWithWhatToDoInstead() {
    given("p-louis", null, "p-sophie");
    given("p-louis", null, "p-alain");
    VirtualScreen s = louissHelpers();
    assertThat(s.flowing())
        .contains("♥ Sophie Lambert", "♥ Alain Roux", "1 + Donner accès à un aidant");
    s.type("1");
    given("p-louis", null, "p-marcel"); // a third one, given at another counter meanwhile
    typeCaregiver(s, "p-georgette", "Roux", "Georgette").enter();
    assertThat(s.flowing())
        .contains(
            "Une personne peut avoir 3 aidants au plus.",
            "Retirez d’abord l’accès d’un de vos aidants, puis ajoutez le nouveau.",
            "♥ Marcel Dubois",
            "Vous avez déjà 3 aidants",
            "2 − Retirer l’accès d’un aidant")
        .doesNotContain("Donner accès à un aidant");
    assertThat(s.type("1").flowing())
        .as("the key of giving access is left unused, never given to taking it away")
        .contains("Vous avez déjà 3 aidants")
        .doesNotContain("Quel aidant ne doit plus avoir accès");
    assertThat(link("p-georgette", "p-louis")).isEqualTo("none");
    assertThat(server().journal("person:p-louis"))
        .contains("CAREGIVER_ADDED REFUSED caregiver-limit-person");
  }

  @Test
  void aCaregiverWhoAlreadyHelpsFivePeopleIsRefusedWithWhatToDoInstead() {
    given("p-sophie", null, "p-alain");
    given("p-marcel", null, "p-alain");
    given("p-louis", "p-emma", "p-alain");
    given("p-louis", "p-hugo", "p-alain"); // with Georgette: five
    VirtualScreen s = louissHelpers().type("1");
    typeCaregiver(s, "p-alain", "Roux", "Alain").enter();
    assertThat(s.flowing())
        .contains(
            "Un aidant peut aider 5 personnes au plus.",
            "Cet aidant aide déjà 5 personnes. Choisissez un autre proche");
    assertThat(link("p-alain", "p-louis")).isEqualTo("none");
  }

  @Test
  void anUnknownCaregiverGoesBackToTheFormWithWhatWasTyped() {
    VirtualScreen s = louissHelpers().type("1");
    typeCaregiver(s, "p-alain", "Roux", "Alan").enter();
    assertThat(s.flowing())
        .contains(
            "Personne ne correspond à ces informations pour l’aidant.",
            "Vérifiez le numéro, le nom de naissance, le prénom et la date de naissance",
            "Alan",
            "Roux");
    assertThat(server().journal("person:p-louis"))
        .contains("CAREGIVER_ADDED REFUSED caregiver-unknown");
  }

  @Test
  void aCaregiverWithoutAnOpenSpaceIsRefused() {
    VirtualScreen s = louissHelpers().type("1");
    typeCaregiver(s, "p-maria", "Da Silva", "Maria").enter();
    assertThat(s.flowing())
        .contains(
            "L’aidant doit avoir un espace Mon Espace Santé ouvert.",
            "L’aidant doit d’abord ouvrir son propre espace");
    assertThat(link("p-maria", "p-louis")).isEqualTo("none");
  }

  @Test
  void aLostReplyIsSaidAndTriedAgainWithTheSameKeyAndTheCaregiverIsAddedOnce() {
    VirtualScreen s = louissHelpers().type("1");
    server().loseReplies("CAREGIVER_ADDED", 2);
    typeCaregiver(s, "p-alain", "Roux", "Alain").enter();
    assertThat(s.flowing())
        .contains("Le serveur n’a pas encore répondu", "1 ► Réessayer maintenant")
        .doesNotContain("L’aidant a maintenant accès");
    s.type("1");
    assertThat(s.flowing()).contains("Le serveur n’a pas encore répondu");
    s.type("1");
    assertThat(s.flowing()).contains("L’aidant a maintenant accès");
    List<String> keys = server().keys("CAREGIVER_ADDED");
    assertThat(keys).as("the three tries carry one key").hasSize(3).containsOnly(keys.get(0));
    assertThat(
            server().journal("person:p-louis").stream().filter(l -> l.equals("CAREGIVER_ADDED OK")))
        .hasSize(1);
    assertThat(server().receipts("caregiver-added")).isEqualTo(1);
  }

  @Test
  void aCaregiverActingForSomeoneNeverSeesTheTileButSeesItForThemself() throws IOException {
    VirtualScreen s = toTheAccount(open(), "p-alain", "2");
    assertThat(s.text())
        .contains("par Alain Roux, aidant", "Espace ouvert")
        .doesNotContain("Qui peut vous aider");
    counter.closeScreen();
    s = toTheAccount(open(), "p-alain", "1");
    assertThat(s.text()).contains("Qui peut vous aider");
  }

  @Test
  void aParentManagesHisChildsHelpersAndIsListedAsHerRepresentative() {
    VirtualScreen s = toTheAccount(open(), "p-louis", "2");
    assertThat(s.text()).contains("Pour : Emma Petit");
    String tile =
        s.rows().stream()
            .filter(r -> r.contains("♥  Qui peut vous aider"))
            .findFirst()
            .orElseThrow()
            .strip();
    s.type(tile.substring(0, 1));
    assertThat(s.flowing())
        .contains(
            "§ Louis Petit (représentant légal), année de naissance : 1985",
            "1 + Donner accès à un aidant")
        .as("a representative is not a caregiver: not removed from here")
        .doesNotContain("Retirer l’accès");
  }

  /** A caregiver whose civil status knows only the year of birth: typed with 00, read back so. */
  @Test
  void aCaregiverBornOnAnUnknownDayIsTypedWithZeros() {
    VirtualScreen s = louissHelpers();
    s.type("1")
        .type(DemoSandbox.PEOPLE.get("p-zainaba").nir())
        .enter()
        .type("Madi")
        .enter()
        .type("Zaïnaba")
        .enter();
    assertThat(s.flowing()).contains("Tapez 00 si le jour ou le mois n’est pas connu.");
    s.type("00/00/1958").enter();
    assertThat(s.flowing())
        .contains("à l’aidant Zaïnaba Madi (date de naissance : 00/00/1958, numéro 2 58 99 97");
    s.enter();
    assertThat(s.flowing()).contains("L’aidant a maintenant accès");
    assertThat(link("p-zainaba", "p-louis")).isEqualTo("ACCEPTED");
  }
}
