package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyType;
import fr.guichet.contract.Json;
import fr.guichet.contract.ProfileSection;
import fr.guichet.forms.FormCatalog;
import fr.guichet.forms.ReadBack;
import fr.guichet.forms.SectionContent;
import fr.guichet.forms.SectionForm;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.i18n.VisualLine;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.print.Pdfs;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The medical profile assistant, keyboard only, on Lanterna's virtual terminal at 80×24 against the
 * server in memory: every section filled in for Louis (skip, back, "not concerned", "I don't know",
 * typing mistakes said plainly), what the server holds afterwards read back through the API and
 * compared with what the review screen showed; the conflict when the section changes between
 * reading and sending; a child's profile (no advance directives); a caregiver (own wishes reminded,
 * no copy); the end of the sitting.
 */
class ProfileAssistantTest {
  static final Messages FR = Messages.of(Language.FRENCH);
  static final FormCatalog FORMS = FormCatalog.standard();

  @RegisterExtension final Counter counter = new Counter();

  FakeServer server() {
    return counter.server();
  }

  VirtualScreen open(Language language) {
    return counter.open(language);
  }

  /** The key of the account screen's tile that opens the assistant. */
  static String profileTile(VirtualScreen s) {
    String title = Messages.of(Language.FRENCH).text("profile.account.tile");
    String arabic = VisualLine.of(Messages.of(Language.ARABIC).text("profile.account.tile"), true);
    String row =
        s.rows().stream()
            .filter(r -> r.contains(title) || r.contains(arabic))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no profile tile:\n" + s.text()));
    java.util.regex.Matcher digit =
        java.util.regex.Pattern.compile("(?<!\\S)([0-9A-Z])(?!\\S)").matcher(row);
    if (!digit.find()) {
      throw new AssertionError("no key on the profile tile: " + row);
    }
    return digit.group(1);
  }

  /**
   * Login, identification, for whom (a digit, when asked), the account's consent, then the
   * profile's: yes, attestation.
   */
  VirtualScreen toTheHub(VirtualScreen s, String person, String whom) {
    counter.identify(s, person);
    if (whom != null) {
      assertThat(s.text()).contains("Pour qui faites-vous cette démarche ?");
      s.type(whom); // the profile is that of the person chosen here
    }
    s.type("1").enter();
    s.type(profileTile(s));
    assertThat(s.text())
        .contains("regarder le profil médical", "Rien n’est envoyé avant que vous l’ayez relu.");
    s.type("1").enter();
    assertThat(s.text())
        .contains(
            "Profil médical",
            "A  ✚  Maladies et sujets de santé · pas encore rempli",
            "K  ☺  Entourage et volontés");
    return s;
  }

  VirtualScreen louis() {
    return toTheHub(open(Language.FRENCH), "p-louis", "1");
  }

  ProfileSection onTheServer(String person, String section) {
    return server().section(person, section);
  }

  /**
   * On the review screen: remembers what it shows, sends, then checks that the server holds a
   * content whose read-back is, line for line, what the screen showed.
   */
  JsonNode sendAndCompare(VirtualScreen s, String section) {
    String shown = s.flowing();
    assertThat(shown)
        .contains(
            "Relecture : " + FR.text(FORMS.form(section).titleKey()), "Voici ce qui sera envoyé.");
    s.type("1");
    assertThat(s.flowing()).contains("C’est envoyé. Reçu : rcp-");
    assertThat(s.text()).contains("· ✓ envoyé");
    SectionForm form = FORMS.form(section);
    ProfileSection held = onTheServer("p-louis", section);
    assertThat(held.version()).isPositive();
    List<String> lines = ReadBack.lines(form, SectionContent.of(form, held.content()), FR);
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(shown)
          .as("the review showed what the server holds")
          .contains(line.strip().replaceAll(" +", " "));
    }
    return held.content();
  }

  @Test
  void fillsInEverySectionForLouisAndTheServerHoldsExactlyWhatTheReviewShowed() throws Exception {
    VirtualScreen s = louis();

    // Diseases: a common answer, a year, then one in the person's own words, with typing mistakes.
    s.type("A");
    assertThat(s.text())
        .contains(
            "Avez-vous une maladie qui dure",
            "1  ✓  Oui",
            "2  ∅  Non, ce n’est pas le cas",
            "3  ?  Je ne sais pas",
            "Entrée  ►  Plus tard");
    s.type("1");
    assertThat(s.text())
        .contains(
            "Quelle maladie ?",
            "1  ✚  Tension trop haute (hypertension)",
            "9  ✎  Autre : l’écrire");
    s.type("1").type("2015").enter();
    assertThat(s.text()).contains("Est-ce toujours le cas aujourd’hui ?");
    s.type("1");
    assertThat(s.text())
        .as("still ongoing: no end year asked")
        .contains("Voulez-vous ajouter une remarque ?");
    s.enter();
    assertThat(s.text())
        .contains(
            "Faut-il ajouter autre chose dans cette partie ?", "Tension trop haute (hypertension)");
    s.type("1").type("9").type("Hépatite A").enter();
    s.type("1980").enter();
    assertThat(s.flowing()).contains("C’est avant la naissance (1985). Vérifiez l’année.");
    assertThat(s.text()).as("what was typed stays").contains("1980");
    s.press(KeyType.Backspace, KeyType.Backspace, KeyType.Backspace, KeyType.Backspace)
        .type("2001")
        .enter();
    s.type("2").type("2000").enter();
    assertThat(s.flowing()).contains("C’est avant l’année donnée plus tôt (2001).");
    s.press(KeyType.Backspace).type("2").enter().type("guérie").enter();
    s.type("2");
    assertThat(s.text())
        .contains(
            "• Tension trop haute (hypertension)",
            "Depuis : 2015",
            "Toujours en cours : Oui",
            "• Hépatite A",
            "Jusqu’en : 2002",
            "Remarque : guérie");
    JsonNode diseases = sendAndCompare(s, "diseases");
    assertThat(diseases.toString())
        .isEqualTo(
            "{\"form\":1,\"status\":\"filled\",\"entries\":["
                + "{\"name\":\"hypertension\",\"startYear\":2015,\"ongoing\":\"yes\"},"
                + "{\"name\":{\"other\":\"Hépatite A\"},\"startYear\":2001,\"ongoing\":\"no\",\"endYear\":2002,\"comment\":\"guérie\"}]}");

    // Treatments: free text, a skipped question, "I don't know" (?), and back one question.
    s.type("B").type("1");
    assertThat(s.text()).contains("Quel est le nom du médicament ?", "Doliprane, Kardégic");
    s.type("Amlodipine 5 mg").enter().enter();
    assertThat(s.text()).contains("Depuis quelle année ?", "?  ?  Je ne sais pas");
    s.type("?").type("1");
    assertThat(s.text()).contains("Voulez-vous ajouter une remarque ?");
    s.press(KeyType.Escape);
    assertThat(s.text()).as("back one question").contains("Le prenez-vous encore aujourd’hui ?");
    s.press(KeyType.Escape);
    assertThat(s.text())
        .as("back again: the box is empty for \"I don't know\"")
        .contains("Depuis quelle année ?");
    s.type("?").type("1").enter().type("2");
    assertThat(s.text())
        .contains("• Amlodipine 5 mg", "Depuis : Je ne sais pas", "Toujours pris : Oui")
        .doesNotContain("Dose :");
    sendAndCompare(s, "treatments");

    // Allergies: not concerned. Hospital stays: I don't know. Disabilities: later.
    s.type("C").type("2");
    assertThat(s.flowing()).contains("Ne concerne pas la personne (dit le 29 novembre 2026).");
    assertThat(sendAndCompare(s, "allergies").toString())
        .isEqualTo(
            "{\"form\":1,\"status\":\"not-concerned\",\"since\":\"2026-11-29\",\"entries\":[]}");
    s.type("D").type("3");
    assertThat(s.flowing()).contains("La personne ne sait pas.");
    sendAndCompare(s, "hospitalisations");
    s.type("E").enter();
    assertThat(s.flowing())
        .contains("Cette partie est gardée pour plus tard. Rien n’a été envoyé.");
    assertThat(s.text())
        .as("continue goes past what was left for later")
        .contains("1  ►  Continuer : Antécédents familiaux");
    assertThat(onTheServer("p-louis", "handicaps").version()).isZero();

    // Family history, blood group.
    s.type("F").type("1").type("1").type("2").enter().type("2");
    assertThat(s.text()).contains("• Maladie du cœur, infarctus", "Qui : Père");
    sendAndCompare(s, "family-history");
    s.type("G");
    assertThat(s.text())
        .contains("Quel est votre groupe sanguin ?", "7  ♦  O+", "9  ?  Je ne sais pas");
    s.type("7");
    assertThat(s.text()).contains("Groupe sanguin : O+");
    sendAndCompare(s, "blood-group");

    // Vaccinations: an impossible date said plainly, then a booster with its batch number.
    s.type("H").type("1").type("2").type("31/02/2025").enter();
    assertThat(s.flowing())
        .contains("Cette date n’existe pas. Vérifiez le jour, le mois et l’année.");
    for (int i = 0; i < 10; i++) {
      s.press(KeyType.Backspace);
    }
    s.type("15/10/2025").enter().type("2").type("AB1234").enter().enter().type("2");
    assertThat(s.text())
        .contains("• Grippe", "Date : 15 octobre 2025", "Dose : Rappel", "Lot : AB1234");
    sendAndCompare(s, "vaccinations");

    // Measures: numbers with their unit, one out of range, some skipped.
    s.type("I");
    assertThat(s.text()).contains("Combien pesez-vous ?", "Votre réponse, en kilos");
    s.type("72,5").enter().type("178").enter().enter().type("45").enter();
    assertThat(s.flowing()).contains("Tapez un nombre entre 34 et 43.");
    s.press(KeyType.Backspace, KeyType.Backspace)
        .type("37,2")
        .enter()
        .enter()
        .type("130")
        .enter()
        .type("80")
        .enter()
        .enter()
        .type("2")
        .enter();
    assertThat(s.text())
        .contains(
            "Poids : 72,5 kg",
            "Taille : 178 cm",
            "Température : 37,2 °C",
            "Tension, chiffre du haut : 130 mmHg",
            "Douleur : 2 sur 10",
            "Noté le 29 novembre 2026.")
        .doesNotContain("Tour de taille");
    JsonNode measures = sendAndCompare(s, "measures");
    assertThat(measures.at("/answers/weight").toString())
        .isEqualTo("{\"value\":72.5,\"unit\":\"kg\"}");

    // Way of life.
    s.type("J").type("1").type("2").type("4").type("3").enter().type("2").type("2");
    assertThat(s.text())
        .contains("Sommeil : Je ne sais pas", "Écrans : 3 heures par jour", "Tabac : J’ai arrêté");
    sendAndCompare(s, "lifestyle");

    // People around and wishes: a wrong phone number, the trusted person explained and left for
    // later.
    s.type("K").type("Claire Petit").enter().type("1").type("12").enter();
    assertThat(s.flowing()).contains("Ce numéro de téléphone n’a pas la bonne forme.");
    s.press(KeyType.Backspace, KeyType.Backspace).type("06 12 34 56 78").enter();
    assertThat(s.flowing())
        .contains(
            "La personne de confiance vous accompagne chez le médecin",
            "Rien n’oblige à en choisir une.",
            "Voulez-vous noter une personne de confiance ?",
            "Entrée ► Plus tard");
    s.enter();
    assertThat(s.flowing()).contains("Les directives anticipées disent quels soins vous voulez");
    s.type("2").type("1");
    assertThat(s.text())
        .contains(
            "Personne à prévenir : Claire Petit",
            "Lien : Conjoint ou conjointe",
            "Téléphone : 06 12 34 56 78",
            "Directives anticipées : Non",
            "Proches informés du don d’organes : Oui")
        .doesNotContain("Personne de confiance :");
    sendAndCompare(s, "entourage");

    // The two documents, then the end of the sitting: both delegations revoked, nothing left.
    s.type("2");
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    s.type("3");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .hasSize(2)
          .anySatisfy(n -> assertThat(n).startsWith("profil-medical-louis-p-2026"))
          .anySatisfy(n -> assertThat(n).startsWith("carte-urgence-louis-p-2026"));
    }
    try (Stream<Path> files = Files.list(counter.documents())) {
      Path summary =
          files
              .filter(f -> f.getFileName().toString().startsWith("profil-medical-"))
              .findFirst()
              .orElseThrow();
      assertThat(Pdfs.qr(Files.readAllBytes(summary)))
          .as("the server's signed statement of the whole profile, after its verify page")
          .startsWith(server().verifyPage());
    }
    assertThat(server().receipts("profile-statement")).isEqualTo(1);
    s.press(KeyType.F10);
    assertThat(s.text()).contains("La séance est terminée").doesNotContain("Louis");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.toList()).isEmpty();
    }
    assertThat(
            server().journal("person:p-louis").stream()
                .filter(l -> l.equals("DELEGATION_REVOKED OK")))
        .as("the account's delegation and the profile's")
        .hasSize(2);
  }

  /** Meanwhile, at home, Louis writes his allergies section himself. */
  void louisWritesHisAllergiesAtHome(String json) throws Exception {
    server().writeAtHome("p-louis", "allergies", Json.mapper().readTree(json));
  }

  @Test
  void whenTheSectionChangesBetweenReadingAndSendingBothVersionsAreShownAndNothingIsOverwritten()
      throws Exception {
    VirtualScreen s = louis();
    s.type("C").type("1").type("1").type("1").enter().enter().type("2");
    assertThat(s.text()).contains("• Pénicilline (antibiotique)");

    // Meanwhile, at home, the person adds pollen to the same section.
    louisWritesHisAllergiesAtHome(
        "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"name\":\"pollen\"}]}");

    s.type("1");
    assertThat(s.flowing())
        .contains(
            "Le profil a changé entre-temps",
            "Rien n’a été écrasé.",
            "Maintenant dans Mon Espace Santé : • Pollen",
            "Vos réponses, pas encore envoyées : • Pénicilline (antibiotique)",
            "1 ◉ Garder ce qui est dans Mon Espace Santé",
            "2 ✗ ",
            "4 ⊕ Mettre les deux ensemble (à relire)");
    assertThat(onTheServer("p-louis", "allergies").content().toString())
        .contains("pollen")
        .doesNotContain("penicillin");

    s.type("4");
    assertThat(s.text())
        .as("the merge is read back before it is sent")
        .contains("Relecture : Allergies", "• Pollen", "• Pénicilline (antibiotique)");
    JsonNode merged = sendAndCompare(s, "allergies");
    assertThat(merged.get("entries")).hasSize(2);
    assertThat(onTheServer("p-louis", "allergies").version()).isEqualTo(2);

    // Again, and this time keep what the server has: nothing is sent.
    s.type("C").type("1").type("4").enter().enter().type("2");
    louisWritesHisAllergiesAtHome(
        "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"name\":\"pollen\"},{\"name\":\"latex\"}]}");
    s.type("1");
    assertThat(s.flowing())
        .contains("Le profil a changé entre-temps", "• Latex", "• Acariens, poussière");
    s.type("1");
    assertThat(s.flowing()).contains("Rien n’a changé : Mon Espace Santé garde sa version.");
    ProfileSection now = onTheServer("p-louis", "allergies");
    assertThat(now.version()).isEqualTo(3);
    assertThat(now.content().toString()).contains("latex").doesNotContain("dust-mites");
    assertThat(s.text()).contains("C  ✿  Allergies · rempli (2)");

    // Keep mine: read back again, then sent on top of the version now on the server.
    s.type("C").type("2").type("1");
    s.type("1").type("3").type("1").enter().enter().type("2");
    louisWritesHisAllergiesAtHome("{\"form\":1,\"status\":\"unknown\",\"entries\":[]}");
    s.type("1");
    assertThat(s.flowing()).contains("La personne ne sait pas.");
    s.type("3");
    assertThat(s.text()).contains("Relecture : Allergies");
    JsonNode mine = sendAndCompare(s, "allergies");
    assertThat(mine.toString())
        .as("pollen removed then added again with its reaction, on top of the new version")
        .isEqualTo(
            "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"name\":\"latex\"},"
                + "{\"name\":\"pollen\",\"reactions\":[\"rash\"]}]}");
  }

  @Test
  void theQuestionsOfAChildsProfileNameTheChildNeverTheParent() {
    VirtualScreen s = toTheHub(open(Language.FRENCH), "p-louis", "2");
    s.type("C");
    assertThat(s.flowing())
        .contains("Est-ce qu’Emma a une allergie ?")
        .doesNotContain("Avez-vous", "que Emma");
    s.enter().type("G");
    assertThat(s.flowing())
        .as("\"de Emma\" elided")
        .contains("Quel est le groupe sanguin d’Emma ?")
        .doesNotContain("votre groupe", "de Emma");
  }

  @Test
  void aParentFillsInTheirChildsProfileWithoutTheQuestionsForAdults() {
    VirtualScreen s = toTheHub(open(Language.FRENCH), "p-louis", "2");
    assertThat(s.text())
        .contains("Profil médical d’Emma Petit (naissance en 2015), avec Louis Petit");
    s.type("K").type("Louis Petit").enter().type("3").type("06 98 76 54 32").enter();
    assertThat(s.text())
        .as("no trusted person, no advance directives, no organ donation for a minor")
        .contains("Relecture : Entourage et volontés", "Personne à prévenir : Louis Petit")
        .doesNotContain("confiance")
        .doesNotContain("directives")
        .doesNotContain("organes");
    s.type("1");
    assertThat(s.flowing()).contains("C’est envoyé.");
    assertThat(server().section("p-emma", "entourage").content().toString())
        .contains("Louis Petit")
        .doesNotContain("directives");
  }

  @Test
  void aCaregiverIsRemindedTheseAreThePersonsOwnWishesAndTakesNoCopy() {
    VirtualScreen s = toTheHub(open(Language.FRENCH), "p-alain", "2");
    assertThat(s.text())
        .contains("Profil médical de Georgette Roux (naissance en 1936), avec Alain Roux");
    s.type("K").enter();
    assertThat(s.flowing())
        .contains(
            "Ce sont les volontés de Georgette Roux. Écrivez seulement ce que Georgette Roux dit.",
            "Est-ce que Georgette veut noter une personne de confiance ?",
            "La personne de confiance accompagne Georgette chez le médecin")
        .as("the questions are about Georgette, not the caregiver at the counter")
        .doesNotContain("Voulez-vous noter", "vous accompagne");
    s.press(KeyType.Escape).press(KeyType.Escape);
    assertThat(s.flowing())
        .as("what a caregiver may not take is not offered, and the hub says why")
        .contains("Une ou un aidant ne peut pas emporter de copie du profil.")
        .doesNotContain("Imprimer le résumé du profil", "Imprimer la carte d’urgence");
    s.type("2").type("3");
    assertThat(s.text()).as("their keys are unused").contains("Profil médical de Georgette Roux");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.toList()).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void thePersonMaySayNoToTheProfileAndTheAccountStaysAsItWas() {
    VirtualScreen s = open(Language.FRENCH);
    counter.toTheAccount(s, "p-maria", null);
    s.type(profileTile(s));
    assertThat(s.text())
        .as("nobody represented: straight to the question")
        .contains("Maria, êtes-vous d’accord ?");
    s.type("2");
    assertThat(s.flowing())
        .contains("Le profil médical n’a pas été ouvert. Rien n’a été fait.", "Espace créé");
    assertThat(server().journal("person:p-maria"))
        .containsExactly("IDENTIFY OK", "CONSENT OK", "DELEGATION_OPENED OK", "ACCOUNT_READ OK");
  }

  @Test
  void noProfileIsOfferedForASpaceThatIsNotOpen() {
    VirtualScreen s = open(Language.FRENCH);
    counter.identifyJeanneAsOnHerCard(s).type("1").enter();
    assertThat(s.text()).contains("Espace bientôt créé").doesNotContain("Profil médical");
  }

  @Test
  void inArabicTheQuestionsAreShapedMirroredAndTheFrenchIsBeside() {
    VirtualScreen s = open(Language.ARABIC);
    counter.toTheAccount(s, "p-maria", null);
    s.type(profileTile(s)).type("1").enter();
    s.type("C");
    String question =
        VisualLine.of("✿ " + Messages.of(Language.ARABIC).text("profile.allergies.ask"), true);
    int row = s.rowOf(question);
    assertThat(row).as(s.text()).isPositive();
    assertThat(s.rows().get(2)).contains("Allergies");
    s.type("1");
    assertThat(s.text())
        .contains(
            VisualLine.of(
                "✿  " + Messages.of(Language.ARABIC).text("profile.option.penicillin"), true),
            "Pénicilline (antibiotique)");
    assertThat(s.rows()).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(80));
  }

  /**
   * Minority is the server's word ({@code minor}, from the whole birth date), not the kiosk's guess
   * from the year: Maria, were she born on 20 December 2008, is 17 on 29 November 2026 though 2026
   * − 2008 = 18, so her own profile asks nothing for adults.
   */
  @Test
  void minorityIsTheServersWordNotTheBirthYears() {
    server().bornOn("p-maria", "2008-12-20");
    VirtualScreen s = counter.login(open(Language.FRENCH));
    DemoSandbox.Papers maria = DemoSandbox.PEOPLE.get("p-maria");
    s.type(maria.nir()).enter().type("20/12/2008").enter().type(maria.vitale()).enter();
    s.type("1").enter().type(profileTile(s)).type("1").enter();
    s.type("K").type("Louis Petit").enter().type("3").type("06 98 76 54 32").enter();
    assertThat(s.text())
        .contains("Relecture : Entourage et volontés")
        .doesNotContain("confiance")
        .doesNotContain("directives");
  }

  /**
   * An answer the kiosk let through but the server's own check refuses (a 422 with {@code
   * errors[]}, a pointer and a key) is shown at its question, with why, what was typed kept: here
   * the kiosk's clock runs a year ahead of the server's, and a disease "since 2027" is not yet
   * possible there.
   */
  @Test
  void anAnswerTheServerRefusesIsShownAtItsQuestionWithWhy() {
    VirtualScreen s =
        toTheHub(
            counter.open(
                Language.FRENCH,
                Kiosk.Options.DEFAULTS,
                Clock.offset(Counter.NINE_IN_PARIS, Duration.ofDays(400))),
            "p-louis",
            "1");
    s.type("A").type("1").type("1").type("2027").enter().type("1").enter().type("2");
    assertThat(s.text()).contains("Depuis : 2027");
    s.type("1");
    assertThat(s.flowing())
        .contains(
            "Depuis quelle année ?",
            "Cette année n’est pas encore arrivée. Tapez 2026 ou avant.",
            "2027");
    assertThat(server().section("p-louis", "diseases").version()).isZero();
  }
}
