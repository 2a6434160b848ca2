package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.i18n.VisualLine;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.Theme;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import fr.guichet.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The thin slice, keyboard only, on Lanterna's virtual terminal at 80×24, against the server in
 * memory: login, identification, consent, account, status sheet, end of sitting; in French,
 * English, Arabic (shaped, reordered, mirrored), easy-to-read French and Portuguese, with the
 * mediator's French beside; language changes mid-flow; the inactivity watch; themes.
 */
class LanternaKioskTest {
  static final String UNKNOWN_NIR =
      "1 99 01 75 056 123 " + fr.guichet.domain.Nir.key("1990175056123");

  @RegisterExtension final Counter counter = new Counter();

  FakeServer server() {
    return counter.server();
  }

  VirtualScreen open(Language language) {
    return counter.open(language);
  }

  VirtualScreen open(Language language, Kiosk.Options options, Clock clock) {
    return counter.open(language, options, clock);
  }

  /** Login, identification of Jeanne, her yes and the attestation: the account screen. */
  VirtualScreen toTheAccount(VirtualScreen s) {
    return counter.toTheAccount(s, "p-jeanne", null);
  }

  /** Back from what the terminal shows to the logical text: reverse, then undo the shaping. */
  static String readBack(String visual) {
    try {
      return new ArabicShaping(ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.LENGTH_GROW_SHRINK)
          .shape(new StringBuilder(visual).reverse().toString());
    } catch (ArabicShapingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theWorkPutOffUntilTheFirstScreenRunsOnceThatScreenIsDrawn() throws IOException {
    Kiosk kiosk = counter.kiosk(Language.FRENCH);
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    List<String> drawnBefore = new ArrayList<>();
    kiosk.afterFirstScreen(
        () -> {
          StringBuilder drawn = new StringBuilder();
          for (int row = 0; row < 24; row++) {
            for (int column = 0; column < 80; column++) {
              drawn.append(terminal.getCharacter(column, row).getCharacterString());
            }
            drawn.append('\n');
          }
          drawnBefore.add(drawn.toString());
        });
    terminal.addInput(new KeyStroke(KeyType.EOF));
    try (LanternaKiosk ui = new LanternaKiosk(terminal, kiosk)) {
      ui.run();
    }
    assertThat(drawnBefore).hasSize(1);
    assertThat(drawnBefore.get(0)).contains("Connexion de la médiatrice ou du médiateur");
  }

  @Test
  void walksTheSliceInArabicShapedReorderedRightAlignedWithTheFrenchSmallBeside() {
    VirtualScreen s = open(Language.ARABIC);
    String title = Messages.of(Language.ARABIC).text("login.title");
    String drawn = VisualLine.of(title, true);
    int row = s.rowOf(drawn);
    assertThat(row).as("the shaped, reordered title is on screen:\n" + s.text()).isEqualTo(2);
    String titleRow = s.rows().get(row);
    assertThat(titleRow).as("right-aligned, one column of margin").hasSize(79).endsWith(drawn);
    assertThat(readBack(drawn)).as("reads correctly when reversed").isEqualTo(title);
    assertThat(titleRow)
        .as("the mediator's French, small, beside it")
        .contains("Connexion de la médiatrice ou du médiateur");
    assertThat(drawn.chars()).allMatch(c -> c == ' ' || (c >= 0xFB50 && c <= 0xFEFF));

    counter.login(s);
    assertThat(s.text())
        .contains(VisualLine.of("من تساعدون اليوم؟", true), "Qui aidez-vous aujourd’hui ?");
    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03/1950");
    assertThat(s.text())
        .as("digits typed keep their order")
        .contains("14/03/1950", "2 50 03 75 056 123 72");
    assertThat(s.cursor().getColumn())
        .as("cursor after the typed date, in the box on the right")
        .isGreaterThan(40);
    s.enter().type("12345678").enter();

    String yes = VisualLine.of("✓  " + "نعم، أوافق", true);
    int yesRow = s.rowOf(yes);
    assertThat(yesRow).as(s.text()).isPositive();
    assertThat(s.rows().get(yesRow))
        .as("tile mirrored: key on the right")
        .endsWith(yes + "  1")
        .contains("Oui, je suis d’accord");
    assertThat(s.cursor().getRow()).isEqualTo(yesRow);
    assertThat(s.cursor().getColumn())
        .as("the cursor on the tile's key, on the right")
        .isEqualTo(76);
    assertThat(s.text()).contains(VisualLine.of("الشخص: Jeanne Martin (مواليد 1950)", true));

    s.type("1").enter();
    assertThat(s.text())
        .contains(
            VisualLine.of("بقي 32 يوما.", true),
            VisualLine.of("آخر أجل للرفض: 31 ديسمبر 2026.", true),
            "Date limite pour refuser : 31 décembre 2026.");
    int picture = s.rowOf("┌───────┐");
    assertThat(s.rows().get(picture))
        .as("pictogram on the right")
        .endsWith("┌───────┐")
        .hasSize(79);
    assertThat(s.text())
        .as("numbers keep their order inside Arabic")
        .contains("32 ")
        .doesNotContain("23 ");
    s.type("1");
    assertThat(s.text()).contains(VisualLine.of("حفظت الورقة:", true).strip());

    s.press(KeyType.F10);
    assertThat(s.text()).contains(VisualLine.of("انتهت الجلسة", true)).doesNotContain("Jeanne");
    assertThat(server().journal("person:p-jeanne"))
        .endsWith("DELEGATION_REVOKED OK", "SITTING_ENDED OK");
  }

  @Test
  void walksTheSliceInEasyToReadFrench() {
    VirtualScreen s = toTheAccount(open(Language.EASY_FRENCH));
    assertThat(s.text())
        .contains(
            "Pour : Jeanne Martin. Année de naissance : 1950.",
            "Votre espace va être créé",
            "Il reste 32 jours.",
            "Vous pouvez refuser jusqu’au 31 décembre 2026.",
            "Dire non à votre espace")
        .doesNotContain("né·e");
    assertThat(s.text())
        .as("easy-to-read French is French: no second French line, and the header says FALC")
        .contains("[FALC]")
        .doesNotContain(
            "Espace bientôt créé", "FR-X-FALC", "Il reste 32 jours.\n             Il reste");
    s.press(KeyType.F10);
    assertThat(s.text())
        .contains("Le rendez-vous est fini", "Cet ordinateur ne garde rien sur vous.");
  }

  @Test
  void walksTheSliceInPortugueseWithTheFrenchUnderIt() {
    VirtualScreen s = open(Language.PORTUGUESE);
    counter.identifyJeanneAsOnHerCard(s);
    assertThat(s.text())
        .contains(
            "O seu acordo",
            "Votre accord",
            "Jeanne, está de acordo?",
            "1  ✓  Sim, estou de acordo");
    s.type("1").enter();
    assertThat(s.text())
        .contains(
            "Espaço criado em breve",
            "Faltam 32 dias.",
            "Último dia para recusar: 31 de dezembro de 2026.");
    int pt = s.rowOf("Último dia para recusar: 31 de dezembro de 2026.");
    assertThat(s.rows().get(pt + 1))
        .as("the mediator's line right under the person's")
        .contains("Date limite pour refuser : 31 décembre 2026.");
    assertThat(s.rows().get(23)).contains("F1 Ajuda", "F2 Língua", "F10 Terminar");
  }

  @Test
  void switchesLanguageMidFlowWithTheListWithoutLosingTheStep() {
    VirtualScreen s = open(Language.ARABIC);
    counter.login(s);
    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03");
    s.press(KeyType.F6);
    assertThat(s.text())
        .contains(
            VisualLine.of("اختاروا لغتكم", true), "Português °", "Kreyòl ayisyen °", "Türkçe °");
    s.type("5");
    assertThat(s.text()).contains("Quem está a ajudar hoje?", "2 50 03 75 056 123 72", "14/03");
    s.press(KeyType.F2);
    assertThat(s.text())
        .as("F2 goes back to the language before")
        .contains(VisualLine.of("من تساعدون اليوم؟", true), "14/03");
    s.press(KeyType.F6).press(KeyType.ArrowDown, KeyType.ArrowDown).enter();
    assertThat(s.text())
        .as("the arrows and Enter pick from the list")
        .contains("Bugün kime yardım ediyorsunuz?", "14/03");
    s.type("/1950").enter().type("12345678").enter().type("1").enter();
    assertThat(s.text()).contains("Alan yakında oluşturulacak", "32 gün kaldı.");
  }

  @Test
  void anIdleSittingWarnsCanBeExtendedTenTimesThenEndsAndRevokesTheDelegation() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    VirtualScreen s =
        toTheAccount(
            open(
                Language.FRENCH,
                Kiosk.Options.DEFAULTS.withInactivity(
                    Duration.ofMinutes(5), Duration.ofSeconds(60)),
                clock));
    assertThat(s.text()).contains("Espace bientôt créé");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMinutes(3).plusSeconds(59));
      s.tick();
      assertThat(s.text()).doesNotContain("Êtes-vous toujours là ?");
      clock.advance(Duration.ofSeconds(1));
      s.tick();
      assertThat(s.text())
          .contains(
              "Êtes-vous toujours là ?", "La séance se termine dans 60 secondes.", "Une touche");
      clock.advance(Duration.ofSeconds(59));
      s.tick();
      assertThat(s.text())
          .as("a visible countdown")
          .contains("La séance se termine dans 1 seconde.");
      s.type("2");
      assertThat(s.text())
          .as("the key only extends: it does not end the sitting")
          .contains("Espace bientôt créé", "Jeanne");
    }
    assertThat(server().journal("person:p-jeanne")).doesNotContain("DELEGATION_REVOKED OK");
    clock.advance(Duration.ofMinutes(4));
    s.tick();
    assertThat(s.text()).contains("La séance se termine dans 60 secondes.");
    clock.advance(Duration.ofSeconds(60));
    s.tick();
    assertThat(s.flowing())
        .contains(
            "La séance est terminée",
            "Personne n’a touché le clavier",
            "Rien de la personne n’est gardé sur cet ordinateur.")
        .doesNotContain("Jeanne")
        .doesNotContain("1950");
    assertThat(server().journal("person:p-jeanne"))
        .endsWith("DELEGATION_REVOKED OK", "SITTING_ENDED OK");
    clock.advance(Duration.ofHours(1));
    assertThat(s.tick().text()).as("nothing more to watch").contains("La séance est terminée");
  }

  @Test
  void typedIdentificationDetailsAreClearedWhenNobodyComesBack() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    VirtualScreen s = open(Language.FRENCH, Kiosk.Options.DEFAULTS, clock);
    counter.login(s);
    clock.advance(Duration.ofMinutes(30));
    assertThat(s.tick().text())
        .as("an empty form holds nobody: no countdown")
        .doesNotContain("toujours là");
    s.type(DemoSandbox.JEANNE_NIR);
    clock.advance(Duration.ofMinutes(5));
    s.tick();
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?").doesNotContain("2 50 03");
  }

  @Test
  void theLegendShowsEveryPictogramWithItsMeaning() {
    VirtualScreen s = toTheAccount(open(Language.PORTUGUESE));
    s.press(KeyType.F4);
    assertThat(s.text())
        .contains("As imagens e o que querem dizer  1/4", "✉ Espaço criado em breve");
    s.enter();
    assertThat(s.text()).contains("✓ Sim, estou de acordo", "☎ Ligar para o 3422 (F3)");
    s.enter();
    assertThat(s.text())
        .contains("? Ajuda (F1)", "▭ Uma prova de identidade", "♪ Ouvir o ecrã (F5)");
    s.enter();
    assertThat(s.text()).contains("◔ O tempo passa", "♥", "✎ O que foi feito em seu nome");
    s.press(KeyType.Escape);
    assertThat(s.text()).contains("Faltam 32 dias.");
  }

  @Test
  void theThemeKeyChangesTheColoursAndSaysSo() {
    VirtualScreen s =
        open(
            Language.FRENCH,
            Kiosk.Options.DEFAULTS.withTheme(Theme.HIGH_CONTRAST),
            Counter.NINE_IN_PARIS);
    var title = s.terminal.getCharacter(1, 2);
    assertThat(title.getForegroundColor()).isEqualTo(new TextColor.RGB(0xFF, 0xFF, 0x00));
    assertThat(title.getBackgroundColor()).isEqualTo(new TextColor.RGB(0, 0, 0));
    s.press(KeyType.F7);
    assertThat(s.flowing()).contains("Couleurs : noir et blanc.");
    assertThat(s.terminal.getCharacter(1, 2).getForegroundColor())
        .isEqualTo(TextColor.ANSI.DEFAULT);
    s.press(KeyType.F7);
    assertThat(s.terminal.getCharacter(1, 2).getForegroundColor())
        .isEqualTo(new TextColor.RGB(0x00, 0x3A, 0x70));
  }

  @Test
  void theLargeTextWindowSizesItsFontSoThatEightyByTwentyFourFillTheScreen() {
    assertThat(LanternaKiosk.fontSize(1920, 1080)).isEqualTo(37);
    assertThat(LanternaKiosk.fontSize(1280, 800)).isEqualTo(26);
    assertThat(LanternaKiosk.fontSize(640, 480))
        .as("never smaller than a readable size")
        .isEqualTo(14);
    open(Language.FRENCH);
  }

  @Test
  void fitsEightyByTwentyFourAndUsesALargerTerminal() {
    VirtualScreen small = toTheAccount(open(Language.ARABIC));
    assertThat(small.rows())
        .hasSize(24)
        .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(80));
    assertThat(small.rows().get(23)).contains("F10");
    small.terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(120, 40));
    small.tick();
    assertThat(small.rows()).hasSize(40);
    assertThat(small.rows().get(39)).hasSizeGreaterThan(80).contains("F10");
  }

  @Test
  void walksTheSliceInFrenchWithEveryRefusalExplained() throws IOException {
    VirtualScreen s = open(Language.FRENCH);
    assertThat(s.text()).contains("Connexion de la médiatrice ou du médiateur", "F2 Langue");

    s.type(DemoSandbox.LOGIN).enter().type("mauvais").enter().type(server().freshTotp()).enter();
    assertThat(s.flowing())
        .contains(
            "La connexion n’a pas marché. Vérifiez l’identifiant, le mot de passe et le code");
    assertThat(s.text()).doesNotContain("mauvais").doesNotContain("Exception");
    assertThat(s.cursor().getRow())
        .as("cursor on the password field")
        .isEqualTo(rowOf(s, "Mot de passe") + 1);

    s.type(DemoSandbox.PASSWORD).enter().type("000000").enter();
    assertThat(s.flowing()).contains("La connexion n’a pas marché");

    s.type(DemoSandbox.PASSWORD).enter().type(server().freshTotp()).enter();
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?", "Camille Bernard");

    s.type("2 50 03 75 056 123 73").enter().type("14/03/1950").enter().type("12345678").enter();
    assertThat(s.flowing()).contains("les 2 derniers chiffres ne correspondent pas");

    s.press(KeyType.Escape)
        .type(UNKNOWN_NIR)
        .enter()
        .type("14/03/1950")
        .enter()
        .type("12345678")
        .enter();
    assertThat(s.flowing()).contains("Personne ne correspond à ces informations");

    Counter.typeJeannesPapers(s.press(KeyType.Escape));
    assertThat(s.text())
        .contains(
            "Pour : Jeanne Martin (naissance en 1950)",
            "Votre accord",
            "regarder l’état de votre espace Mon Espace Santé",
            "Jeanne, êtes-vous d’accord ?",
            "1  ✓  Oui, je suis d’accord");

    s.type("1");
    assertThat(s.text()).contains("la personne est-elle à côté de vous ?");
    s.enter();
    assertThat(s.text())
        .contains(
            "Espace bientôt créé",
            "Date limite pour refuser : 31 décembre 2026.",
            "Il reste 32 jours.",
            "Refuser la création de l’espace",
            "┌───────┐");

    s.type("1");
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.toList())
          .singleElement()
          .satisfies(f -> assertThat(f.toString()).endsWith(".pdf"));
    }

    s.press(KeyType.F10);
    assertThat(s.text())
        .contains("La séance est terminée", "Rien de la personne n’est gardé sur cet ordinateur.")
        .doesNotContain("Jeanne")
        .doesNotContain("1950");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.toList()).as("working copies are deleted with the sitting").isEmpty();
    }

    assertThat(server().journal("mediator:m-camille"))
        .containsExactly(
            "LOGIN REFUSED login-failed",
            "LOGIN REFUSED login-failed",
            "LOGIN OK",
            "IDENTIFY REFUSED invalid-input",
            "IDENTIFY REFUSED identification-failed");
    assertThat(server().journal("person:p-jeanne"))
        .containsExactly(
            "IDENTIFY OK",
            "CONSENT OK",
            "DELEGATION_OPENED OK",
            "ACCOUNT_READ OK",
            "STATUS_STATEMENT_ISSUED OK",
            "DELEGATION_REVOKED OK",
            "SITTING_ENDED OK");

    s.enter();
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?");
  }

  @Test
  void withoutACarteVitaleThePersonShowsTheLettersCodeOrHasACodeSentAndClosingThenAsksForTheCard() {
    VirtualScreen s = open(Language.FRENCH);
    // The structure manager: the demo outbox is theirs, so the kiosk shows the code it "sent".
    s.type(DemoSandbox.MANAGER_LOGIN)
        .enter()
        .type(DemoSandbox.PASSWORD)
        .enter()
        .type(server().freshTotp(DemoSandbox.MANAGER_SECRET))
        .enter();
    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03/1950").enter();
    assertThat(s.text())
        .contains("Preuve : la carte Vitale.", "Pas de carte Vitale ? Flèches gauche et droite");
    s.press(KeyType.ArrowRight).type("JM4K-7P2X").enter();
    assertThat(s.flowing())
        .contains("Preuve : le code de la lettre", "Personne ne correspond à ces informations");
    s.press(KeyType.Backspace).type("Q").enter();
    assertThat(s.text()).contains("Pour : Jeanne Martin (naissance en 1950)", "Votre accord");
    assertThat(server().proofs("p-jeanne")).containsExactly("LETTER_CODE");
    s.type("2");
    assertThat(s.text())
        .as("the person said no: back to a fresh form")
        .contains("Qui aidez-vous aujourd’hui ?");

    DemoSandbox.Papers louis = DemoSandbox.PEOPLE.get("p-louis");
    s.type(louis.nir()).enter().type("30/05/1985").enter().press(KeyType.ArrowLeft);
    assertThat(s.flowing()).contains("Preuve : un code envoyé à l’e-mail ou au téléphone");
    s.enter();
    assertThat(s.flowing())
        .contains(
            "Un code est envoyé à l***@example.org. Tapez-le ici.",
            "Démonstration : le message envoyé dit « Mon Espace Santé : votre code est "
                + server().lastCode("p-louis"));
    s.type(server().lastCode("p-louis")).enter();
    assertThat(s.text()).contains("Pour qui faites-vous cette démarche ?");
    s.type("1").type("1").enter().type("6").type("1"); // for himself, yes; close, keep
    assertThat(s.flowing())
        .as("a code was the first proof: the second is the card")
        .contains("il faut une 2e preuve d’identité : le numéro de série de la carte Vitale");
    s.type(louis.vitale()).enter();
    assertThat(s.flowing()).contains("fermer l’espace de Louis P. (1985), données gardées 10 ans.");
    s.enter();
    assertThat(s.flowing()).contains("Votre espace est fermé");
    assertThat(server().proofs("p-louis")).containsExactly("CONTACT_CODE VITALE");
  }

  @Test
  void walksTheSliceInEnglishAndSwitchesLanguageMidFlowWithoutLosingTheStep() {
    VirtualScreen s = open(Language.ENGLISH);
    assertThat(s.text()).contains("Mediator login", "F2 Language");
    counter.login(s);
    assertThat(s.text()).contains("Who are you helping today?");

    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03/19");
    s.press(KeyType.F2);
    assertThat(s.text())
        .contains("Qui aidez-vous aujourd’hui ?", "2 50 03 75 056 123 72", "14/03/19");
    s.press(KeyType.F2).type("50").enter().type("12345678").enter();
    assertThat(s.text()).contains("For: Jeanne Martin (born in 1950)", "Jeanne, do you agree?");

    s.type("1").enter();
    assertThat(s.text())
        .contains(
            "Space to be created soon", "Last day to refuse: December 31, 2026.", "32 days left.");
    s.press(KeyType.F2);
    assertThat(s.text())
        .contains("Espace bientôt créé", "Date limite pour refuser : 31 décembre 2026.");
    s.press(KeyType.F2).press(KeyType.F10);
    assertThat(s.text()).contains("The visit is over").doesNotContain("Jeanne");
  }

  @Test
  void aPersonWhoSaysNoLeavesNothingBehindAndNoDelegationIsOpened() {
    VirtualScreen s = open(Language.FRENCH);
    counter.identifyJeanneAsOnHerCard(s);
    s.type("2");
    assertThat(s.text()).contains("Qui aidez-vous aujourd’hui ?").doesNotContain("Jeanne");
    assertThat(s.flowing()).contains("La personne n’a pas donné son accord. Rien n’a été fait.");
    assertThat(server().journal("person:p-jeanne"))
        .as("no delegation opened; the identification ends with the sitting")
        .containsExactly("IDENTIFY OK", "SITTING_ENDED OK");
  }

  @Test
  void endingTheSittingRevokesTheDelegationOnTheServer() {
    VirtualScreen s = open(Language.FRENCH);
    counter.identifyJeanneAsOnHerCard(s).type("1").enter();
    s.type("0"); // 1 print, 2 oppose, 5 open, 9 print the consent, H the history, 0 end of sitting
    assertThat(s.text()).contains("La séance est terminée");
    assertThat(server().journal("person:p-jeanne"))
        .endsWith("DELEGATION_REVOKED OK", "SITTING_ENDED OK");
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
    server().down();
    s.type(DemoSandbox.LOGIN).enter().type(DemoSandbox.PASSWORD).enter().type("123456").enter();
    assertThat(s.flowing())
        .contains("Le serveur ne répond pas. Vérifiez le réseau, puis réessayez.");
  }

  /** A kiosk on worker threads, on the virtual terminal: what the screen shows while it waits. */
  VirtualScreen openWithWorkers(Language language) {
    return counter.open(counter.kiosk(language, WORKERS));
  }

  static final java.util.concurrent.ExecutorService WORKERS =
      java.util.concurrent.Executors.newCachedThreadPool(
          work -> {
            Thread t = new Thread(work, "test-kiosk-call");
            t.setDaemon(true);
            return t;
          });

  /** Waits (a few seconds at most) until the terminal shows {@code text}, drawing the answers. */
  static void awaitShown(VirtualScreen s, String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!s.flowing().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never shown: " + text + "\n" + s.text());
      }
      Thread.sleep(2);
      s.ui.settle();
    }
  }

  @Test
  void aKeyPressedWhileTheServerIsSlowIsAnsweredOnScreenAtOnceInBothLanguages() throws Exception {
    VirtualScreen s = openWithWorkers(Language.PORTUGUESE);
    s.type(DemoSandbox.LOGIN).enter().type(DemoSandbox.PASSWORD).enter();
    s.type(server().freshTotp());
    server().slow();
    s.pressWhileWaiting(new KeyStroke(KeyType.Enter));
    assertThat(s.flowing())
        .as("drawn before the server answered")
        .contains(
            "A enviar para o servidor…",
            "Envoi au serveur en cours…",
            "Échap ◄ Deixar de esperar",
            "═══════")
        .doesNotContain("Guichet-demo-2026");
    s.pressWhileWaiting(new KeyStroke('7', false, false));
    assertThat(s.flowing())
        .as("a key typed meanwhile is answered at once, not run afterwards")
        .contains(
            "Um momento: o servidor ainda não respondeu.",
            "Un instant : le serveur n’a pas encore répondu.");
    s.pressWhileWaiting(new KeyStroke(KeyType.F2));
    assertThat(s.flowing())
        .as("F2 works while waiting")
        .contains("Envoi au serveur en cours…")
        .doesNotContain("A enviar");
    server().release();
    awaitShown(s, "Qui aidez-vous aujourd’hui ?");
    assertThat(s.text()).doesNotContain("7");
  }

  @Test
  void escapeStopsWaitingGoesBackWithWhatWasTypedAndALateAnswerChangesNothing() throws Exception {
    VirtualScreen s = openWithWorkers(Language.FRENCH);
    counter.login(s);
    s.type(DemoSandbox.JEANNE_NIR).enter().type("14/03/1950").enter().type("12345678");
    server().slow();
    s.pressWhileWaiting(new KeyStroke(KeyType.Enter));
    assertThat(s.flowing()).contains("Qui aidez-vous aujourd’hui ?", "Envoi au serveur en cours…");
    s.pressWhileWaiting(new KeyStroke(KeyType.Escape));
    assertThat(s.flowing())
        .contains(
            "Vous n’attendez plus la réponse du serveur.", "2 50 03 75 056 123 72", "14/03/1950")
        .doesNotContain("Envoi au serveur en cours…");
    server().release();
    s.awaitAnswer();
    assertThat(s.text())
        .as("the answer of a call nobody waits for is dropped")
        .contains("Qui aidez-vous aujourd’hui ?")
        .doesNotContain("Votre accord");
    s.enter();
    assertThat(s.text()).contains("Votre accord");
  }

  @Test
  void ctrlCEndsTheKioskAtOnceWhateverItWaitsForAndLeavingNeverHangs() throws Exception {
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    Kiosk kiosk = counter.kiosk(Language.FRENCH, WORKERS);
    java.util.concurrent.atomic.AtomicReference<Throwable> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    try (LanternaKiosk ui = new LanternaKiosk(terminal, kiosk)) {
      Thread loop =
          new Thread(
              () -> {
                try {
                  ui.run();
                } catch (IOException | RuntimeException e) {
                  failed.set(e);
                }
              },
              "kiosk-loop");
      loop.start();
      DemoSandbox.Papers p = DemoSandbox.PEOPLE.get("p-jeanne");
      type(terminal, DemoSandbox.LOGIN, DemoSandbox.PASSWORD, server().freshTotp());
      awaitOn(terminal, "Qui aidez-vous aujourd’hui ?"); // a key typed before is told to wait
      type(terminal, p.nir(), "14/03/1950", p.vitale());
      awaitOn(terminal, "Votre accord");
      terminal.addInput(new KeyStroke('1', false, false));
      server().slow(); // the server stops answering: the attestation waits
      terminal.addInput(new KeyStroke(KeyType.Enter));
      awaitOn(terminal, "Envoi au serveur en cours");
      terminal.addInput(new KeyStroke('c', true, false));
      loop.join(Duration.ofSeconds(5).toMillis());
      assertThat(loop.isAlive()).as("Ctrl+C ended the loop at once").isFalse();
      assertThat(failed.get()).isNull();
      Thread leaving = new Thread(kiosk::logoutOnExit, "kiosk-leaving");
      leaving.start();
      leaving.join(Duration.ofSeconds(5).toMillis());
      assertThat(leaving.isAlive())
          .as("revoking and logging out wait a moment for a server that does not answer, no more")
          .isFalse();
      assertThat(kiosk.inSitting()).isFalse();
    } finally {
      server().release();
    }
  }

  /** Each text typed in its box, Enter after each. */
  private static void type(DefaultVirtualTerminal terminal, String... boxes) {
    for (String box : boxes) {
      box.chars().forEach(c -> terminal.addInput(new KeyStroke((char) c, false, false)));
      terminal.addInput(new KeyStroke(KeyType.Enter));
    }
  }

  private static void awaitOn(DefaultVirtualTerminal terminal, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      StringBuilder drawn = new StringBuilder();
      for (int row = 0; row < 24; row++) {
        for (int column = 0; column < 80; column++) {
          drawn.append(terminal.getCharacter(column, row).getCharacterString());
        }
      }
      if (drawn.toString().contains(text)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never drawn: " + text + "\n" + drawn);
      }
      Thread.sleep(5);
    }
  }

  @Test
  void aStateOfANewerServerIsSaidPlainlyWithThe3422LineAndItsUnknownActionIsNotOffered() {
    server().newerServer("p-jeanne");
    VirtualScreen s = toTheAccount(open(Language.FRENCH));
    assertThat(s.flowing())
        .contains(
            "État inconnu",
            "Cet ordinateur ne connaît pas encore cet état de votre espace. Appelez le 3422.",
            "2 ⊘ Refuser la création de l’espace",
            "5 ✓ Ouvrir votre espace")
        .doesNotContain("Imprimer la fiche", "MERGE", "[state.");
  }

  /**
   * The kiosk as a counter PC starts it, under {@code LANG=C}, in a pseudo-terminal of 80×24 (the
   * {@code script} command): its first screen holds its accents and its boxes, never {@code ?} nor
   * the line-drawing set ({@code lqqk}).
   */
  @Test
  @Timeout(180)
  void theFirstScreenUnderLangCHasItsAccentsAndItsBoxes() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            "script",
            "-qfec",
            "stty rows 24 cols 80; exec '"
                + java
                + "' -XX:TieredStopAtLevel=1 fr.guichet.Guichet kiosk --demo",
            "/dev/null");
    pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
    pb.environment().put("LANG", "C");
    pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    pb.redirectErrorStream(true);
    Process kiosk = pb.start();
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    try (InputStream out = kiosk.getInputStream();
        OutputStream keys = kiosk.getOutputStream()) {
      String wanted = "6 chiffres"; // the last field, drawn under any charset
      while (!drawn.toString(StandardCharsets.ISO_8859_1).contains(wanted)) {
        int b = out.read();
        assertThat(b).as("the kiosk ended before its first screen: " + drawn).isNotNegative();
        drawn.write(b);
      }
      keys.write(3); // Ctrl+C: the kiosk ends and gives the terminal back
      keys.flush();
      out.transferTo(drawn);
    } finally {
      kiosk.destroy();
    }
    String text =
        drawn
            .toString(StandardCharsets.UTF_8)
            .replace("\u0000", "") // Lanterna's filler after some letters: terminals ignore it
            .replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "")
            .replace("\u001B(0", "[line-drawing set]") // boxes drawn as lqqk
            .replaceAll("\u001B[()][0-9A-Za-z]", "");
    assertThat(text)
        .as(text)
        .contains("Connexion de la médiatrice ou du médiateur", "═══", "Code à 6 chiffres")
        .doesNotContain("?", "\uFFFD", "[line-drawing set]", "lqq");
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
