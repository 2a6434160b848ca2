package fr.guichet.kiosk.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fr.guichet.i18n.Language;
import fr.guichet.kiosk.Kiosk;
import fr.guichet.kiosk.PendingActions;
import fr.guichet.print.Paper;
import fr.guichet.print.Pdfs;
import fr.guichet.testing.DemoSandbox;
import fr.guichet.testing.FakeServer;
import fr.guichet.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account flows at the counter, keyboard only on the virtual terminal at 80×24, against the
 * server in memory: opposition and its withdrawal, closure with the strong identification and
 * reopening, acting for a child, a caregiver who is never offered a closure, refusals, the network
 * gone then back, and an action left unconfirmed by a restart. Key presses after the consent are
 * counted. The same flows over HTTP: {@code CounterEndToEndTest}.
 */
class AccountFlowsTest {
  @RegisterExtension final Counter counter = new Counter();
  @TempDir Path state;
  int keys;

  FakeServer server() {
    return counter.server();
  }

  VirtualScreen open(PendingActions pending) {
    return counter.open(pending);
  }

  VirtualScreen open() {
    return open(PendingActions.inMemory());
  }

  /**
   * Login, identification, (for whom), the person's yes and the attestation: the account screen.
   */
  VirtualScreen toTheAccount(VirtualScreen s, String personId, String forWhomDigit) {
    counter.identify(s, personId);
    if (forWhomDigit != null) {
      assertThat(s.text()).contains("Pour qui faites-vous cette démarche ?");
      s.type(forWhomDigit);
    }
    s.type("1").enter();
    keys = 0;
    return s;
  }

  VirtualScreen key(String digitOrText) {
    keys += digitOrText.length();
    return counter.screen().type(digitOrText);
  }

  VirtualScreen enter() {
    keys++;
    return counter.screen().enter();
  }

  @Test
  void anOppositionInThreeKeysThenItsWithdrawalInThree() throws IOException {
    VirtualScreen s = toTheAccount(open(), "p-jeanne", null);
    assertThat(s.text()).contains("● réseau");
    assertThat(s.text())
        .contains(
            "Espace bientôt créé",
            "2  ⊘  Refuser la création de l’espace",
            "5  ✓  Ouvrir votre espace",
            "9  ▤  Imprimer ce que vous avez permis",
            "H  ✎  Ce qui a été fait en votre nom",
            "O  ▭  Imprimer l’aide : ouvrir chez soi",
            "0  ■");
    key("2");
    assertThat(s.flowing())
        .contains(
            "Refuser la création de votre espace",
            "ne sera pas créé",
            "Vous pourrez annuler ce refus jusqu’à la date limite.",
            "Jeanne, voulez-vous le faire maintenant ?");
    key("1");
    assertThat(s.flowing())
        .contains(
            "Voici ce qui va être envoyé :",
            "refuser la création de l’espace de Jeanne M. (1950).",
            "la personne est-elle à côté de vous ?");
    assertThat(server().journal("person:p-jeanne")).doesNotContain("OPPOSITION_RECORDED OK");
    enter();
    assertThat(s.flowing())
        .contains(
            "Votre refus est enregistré",
            "Vous pouvez annuler ce refus jusqu’au 31 décembre 2026.",
            "C’est fait.");
    assertThat(keys)
        .as("key presses for an opposition after identification and consent")
        .isLessThanOrEqualTo(5);
    assertThat(server().journal("person:p-jeanne"))
        .containsSubsequence("CONSENT OK", "OPPOSITION_RECORDED OK");

    s.type("1");
    assertThat(s.flowing()).contains("enregistré");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anySatisfy(f -> assertThat(f).startsWith("recu-rcp-"));
    }

    s.type("2");
    assertThat(s.text())
        .as("what the person can do now, on the key that always withdraws a refusal")
        .contains(
            "Vous avez refusé l’espace",
            "Vous pouvez annuler ce refus jusqu’au 31 décembre 2026.",
            "3  ✉  Annuler votre refus")
        .doesNotContain("Date limite pour refuser", "2  ⊘");
    keys = 0;
    key("3").type("");
    key("1");
    enter();
    assertThat(s.flowing())
        .contains(
            "Votre refus est annulé", "Vous pouvez encore refuser jusqu’au 31 décembre 2026.");
    assertThat(keys).isLessThanOrEqualTo(5);
    assertThat(server().journal("person:p-jeanne")).contains("OPPOSITION_WITHDRAWN OK");
  }

  @Test
  void aClosureAsksForTheCodeThenClosesAndTheSpaceCanBeReopened() {
    VirtualScreen s = toTheAccount(open(), "p-louis", "1");
    assertThat(s.text()).contains("Espace ouvert", "6  ▣  Fermer votre espace");
    key("6");
    assertThat(s.flowing())
        .as("2 ✗ says no here as everywhere; erasing has its own key and pictogram")
        .contains(
            "Vos données sont gardées 10 ans",
            "1 ▣ Fermer et garder mes données 10 ans",
            "2 ✗ Non, revenir en arrière",
            "3 ⊠ Fermer et effacer mes données",
            "4 ▤ Imprimer d’abord vos documents");
    key("1");
    assertThat(s.flowing()).contains("il faut une 2e preuve d’identité");
    int beforeCode = keys;
    enter();
    assertThat(s.flowing()).contains("Un code est envoyé à l***@example.org.");
    key(server().lastCode("p-louis"));
    enter();
    int codeKeys = keys - beforeCode;
    assertThat(s.flowing()).contains("fermer l’espace de Louis P. (1985), données gardées 10 ans.");
    enter();
    assertThat(s.flowing())
        .contains(
            "Votre espace est fermé",
            "Vos données sont gardées jusqu’au 29 novembre 2036.",
            "Vous pouvez rouvrir votre espace à tout moment.");
    assertThat(keys - codeKeys)
        .as("key presses for a closure, the code step apart")
        .isLessThanOrEqualTo(8);
    assertThat(keys - codeKeys).as("closure keys without the code step").isEqualTo(3);
    assertThat(codeKeys).as("send the code, type 6 digits, Enter").isEqualTo(8);

    s.type("2");
    assertThat(s.text())
        .contains(
            "Espace fermé",
            "Vos données sont gardées jusqu’au 29 novembre 2036.",
            "7  ⊠  Demander l’effacement de vos données",
            "8  ✓  Rouvrir votre espace");
    s.type("8").type("1").enter(); // a closed space: 7 ask for deletion, 8 reopen
    assertThat(s.flowing())
        .contains("Votre espace est rouvert", "Vos données gardées sont revenues");
    assertThat(server().journal("person:p-louis")).containsSubsequence("CLOSED OK", "REOPENED OK");
  }

  @Test
  void aParentActsForTheirChildWithTheChildOnTopOfEveryScreen() {
    VirtualScreen s = open();
    toTheAccount(s, "p-louis", "2");
    assertThat(s.text())
        .contains("Pour : Emma Petit (naissance en 2015) · par Louis Petit, représentant légal");
    assertThat(server().journal("person:p-emma")).contains("CONSENT OK", "ACCOUNT_READ OK");
  }

  @Test
  void aParentTurnsToTheirChildsSpaceInTheSameSittingWithTheChildsOwnConsent() {
    VirtualScreen s = toTheAccount(open(), "p-louis", "1");
    assertThat(s.text()).contains("C  ☻  Faire la démarche pour une autre personne");
    key("C");
    assertThat(s.text())
        .contains("Pour qui faites-vous cette démarche ?", "Pour mon enfant : Emma");
    key("2");
    assertThat(s.flowing()).as("a new consent, for Emma").contains("Votre accord");
    key("2");
    assertThat(s.flowing())
        .as("a no leaves Louis's space as it was")
        .contains("La personne n’a pas donné son accord. Rien n’a été fait.", "Espace ouvert")
        .doesNotContain("Pour : Emma");
    assertThat(server().journal("person:p-emma")).doesNotContain("CONSENT OK");

    key("C");
    key("2");
    key("1");
    enter();
    assertThat(s.text())
        .contains("Pour : Emma Petit (naissance en 2015) · par Louis Petit, représentant légal");
    assertThat(keys).as("instead of F10 and Louis's papers again").isEqualTo(7);
    assertThat(server().journal("person:p-emma")).contains("CONSENT OK", "ACCOUNT_READ OK");
    assertThat(server().journal("person:p-louis"))
        .as("Louis's own delegation ends when he turns to Emma's space")
        .last()
        .isEqualTo("DELEGATION_REVOKED OK");

    key("C");
    key("2");
    assertThat(s.text())
        .as("Emma's space is the one open: no consent asked again")
        .contains("Pour : Emma Petit", "C  ☻")
        .doesNotContain("Votre accord");
  }

  @Test
  void theAccountSaysWhomThePersonAlsoActsForAndWhoElseHasAccess() throws IOException {
    VirtualScreen s = toTheAccount(open(), "p-louis", "1");
    assertThat(s.flowing())
        .contains(
            "Vous agissez aussi pour : Emma Petit (2015), Hugo Petit (2019).",
            "Personne d’autre n’a accès à cet espace.");
    counter.closeScreen();
    s = toTheAccount(open(), "p-louis", "2");
    assertThat(s.flowing())
        .contains("Ont aussi accès à cet espace : Louis Petit (représentant légal).")
        .doesNotContain("Vous agissez aussi pour");
    counter.closeScreen();
    s = toTheAccount(open(), "p-alain", "2");
    assertThat(s.flowing()).contains("Ont aussi accès à cet espace : Alain Roux (aidant).");
  }

  @Test
  void aCaregiverIsNeverOfferedAClosure() {
    VirtualScreen s = toTheAccount(open(), "p-alain", "2");
    assertThat(s.text())
        .contains("Pour : Georgette Roux", "par Alain Roux, aidant", "Espace ouvert")
        .doesNotContain("Fermer votre espace");
  }

  @Test
  void theDayAfterTheDeadlineOppositionIsNoLongerOffered() {
    server().clock().set(Instant.parse("2027-01-01T09:00:00Z"));
    VirtualScreen s = toTheAccount(open(), "p-jeanne", null);
    assertThat(s.text())
        .contains("Espace créé, pas encore utilisé")
        .doesNotContain("refuser la création");
  }

  @Test
  void aClosedSpaceOffersReopeningAndDeletionNotClosure() {
    VirtualScreen s = toTheAccount(open(), "p-fatima", null);
    assertThat(s.text())
        .contains("Espace fermé", "Rouvrir votre espace", "Demander l’effacement de vos données")
        .doesNotContain("Fermer votre espace");
    assertThat(s.flowing())
        .contains("Vos données sont gardées jusqu’au")
        .doesNotContain("effacées au plus tard");
  }

  @Test
  void aSpaceWhoseDeletionWasAskedSaysOnlyWhenItsDataWillBeErased() {
    VirtualScreen s = toTheAccount(open(), "p-louis", "1");
    s.type("6").type("3").enter().type(server().lastCode("p-louis")).enter().enter();
    assertThat(s.flowing()).contains("Votre espace est fermé");
    s.type("2");
    assertThat(s.flowing())
        .contains(
            "Espace fermé, effacement demandé",
            "Vos données seront effacées au plus tard le 28 février 2027.")
        .doesNotContain("Vos données sont gardées jusqu’au");
    assertThat(s.text())
        .as("only reopening is left: the other keys stay unused")
        .contains("8  ✓  Rouvrir votre espace")
        .doesNotContain("6  ▣", "7  ⊠");
  }

  @Test
  void anExpiredAgreementIsSaidPlainlyAndNothingIsDone() {
    VirtualScreen s = toTheAccount(open(), "p-jeanne", null);
    server().clock().advance(java.time.Duration.ofMinutes(31)); // the agreement lasted 30 minutes
    s.type("2").type("1").enter();
    assertThat(s.flowing())
        .containsAnyOf("Votre connexion a pris fin", "Le temps de l’accord est fini");
    assertThat(server().journal("person:p-jeanne")).doesNotContain("OPPOSITION_RECORDED OK");
  }

  @Test
  void theServerDownThenBackTheOppositionGoesThroughByItselfOnceWithTheSameKey() {
    MutableClock clock = new MutableClock(Counter.NINE_IN_PARIS.instant());
    VirtualScreen s =
        toTheAccount(
            counter.open(Language.FRENCH, Kiosk.Options.DEFAULTS, clock), "p-jeanne", null);
    s.type("2").type("1");
    server().down("OPPOSITION_RECORDED");
    s.enter();
    assertThat(s.flowing())
        .contains(
            "○ pas de réseau",
            "Le serveur n’a pas encore répondu. La demande n’est pas perdue.",
            "Nous réessayons avec la même demande.",
            "Nouvel essai dans 2 secondes.",
            "réessayez, appelez le 3422, ou suivez la lettre reçue par la poste",
            "1 ► Réessayer maintenant",
            "Échap ◄ Ne plus attendre");
    clock.advance(Duration.ofSeconds(2));
    assertThat(s.tick().flowing())
        .as("tried again by itself, still down: a longer wait")
        .contains("Nouvel essai dans 5 secondes.");
    server().up();
    clock.advance(Duration.ofSeconds(4));
    assertThat(s.tick().flowing()).contains("Nouvel essai dans 1 seconde.");
    clock.advance(Duration.ofSeconds(1));
    assertThat(s.tick().flowing()).contains("● réseau", "Votre refus est enregistré");
    assertThat(
            server().journal("person:p-jeanne").stream()
                .filter(l -> l.equals("OPPOSITION_RECORDED OK")))
        .hasSize(1);
    List<String> keys = server().keys("OPPOSITION_RECORDED");
    assertThat(keys).as("three tries, one key").hasSize(3).containsOnly(keys.get(0));
  }

  @Test
  void anErrorAnswerIsSaidAndNotTriedAgain() {
    VirtualScreen s = toTheAccount(open(), "p-jeanne", null);
    s.type("2").type("1");
    server().refusing();
    s.enter();
    assertThat(s.flowing())
        .contains("Le serveur a répondu de façon inattendue")
        .doesNotContain("Nouvel essai");
    server().up();
    assertThat(server().journal("person:p-jeanne")).doesNotContain("OPPOSITION_RECORDED OK");
  }

  @Test
  void anActionLeftUnconfirmedIsNamedAtTheNextLoginWithThePersonsName() {
    PendingActions pending = PendingActions.inFile(state.resolve("pending"));
    VirtualScreen s = toTheAccount(open(pending), "p-jeanne", null);
    s.type("2").type("1");
    server().down("OPPOSITION_RECORDED");
    s.enter().press(KeyType.Escape);
    assertThat(s.flowing())
        .contains(
            "Vous n’attendez plus la réponse. La demande reste notée",
            "refuser la création de l’espace de Jeanne M. (1950).");
    server().up();
    s.press(KeyType.F12);
    counter.login(s);
    assertThat(s.flowing())
        .contains(
            "1 action n’a peut-être pas été confirmée : refuser la création de l’espace pour"
                + " Jeanne M. (1950), le 29/11");
  }

  @Test
  void aMissingPrinterIsSaidAndF8SavesTheDocumentInstead() throws IOException {
    Kiosk kiosk =
        new Kiosk(
            server(),
            new fr.guichet.print.PrinterSink("no-such-printer"),
            Language.FRENCH,
            Counter.NINE_IN_PARIS,
            Kiosk.Options.DEFAULTS.withCalls(Runnable::run));
    VirtualScreen s = toTheAccount(counter.open(kiosk), "p-jeanne", null);
    s.type("1");
    assertThat(s.flowing())
        .contains(
            "L’imprimante est introuvable",
            "Touche F8 : enregistrer le document",
            "F8 Enregistrer");
    s.press(KeyType.F8);
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    assertThat(s.text()).doesNotContain("F8 Enregistrer");
  }

  @Test
  void thePersonsDocumentsByCategoryChooseOneAndItIsPrinted() throws IOException {
    VirtualScreen s = toTheAccount(open(), "p-louis", "1");
    assertThat(s.text())
        .contains(
            "9  ▤  Imprimer ce que vous avez permis",
            "D  ▤  Mes documents",
            "P  ✚",
            "H  ✎",
            "A  ♥",
            "C  ☻",
            "0  ■");
    s.type("9");
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anySatisfy(f -> assertThat(f).startsWith("accord-rcp-"));
    }
    s.type("d"); // a letter in either case
    assertThat(s.flowing())
        .contains("regarder vos documents", "Louis, voulez-vous voir et imprimer vos documents ?");
    s.enter();
    assertThat(s.flowing())
        .contains(
            "Ordonnances et soins — Ordonnance du Dr Lefèvre",
            "Résultats de biologie — Bilan sanguin");
    s.type("2");
    assertThat(s.flowing()).contains("La fiche est enregistrée");
    try (Stream<Path> files = Files.list(counter.documents())) {
      assertThat(files.map(f -> f.getFileName().toString())).contains("doc-louis-2.pdf");
    }
    assertThat(server().journal("person:p-louis"))
        .contains("DOCUMENTS_LISTED OK", "DOCUMENT_READ OK");
    s.press(KeyType.Escape);
    assertThat(s.text()).contains("Espace ouvert");
  }

  @Test
  void f9ShowsAQrCodeToContinueOnThePhoneBlackOnWhiteThatDecodes() throws Exception {
    VirtualScreen s = toTheAccount(open(), "p-jeanne", null);
    assertThat(s.flowing()).contains("F9 : continuer sur votre téléphone (QR code).");
    s.press(KeyType.F9);
    assertThat(s.flowing())
        .contains("Continuer sur votre téléphone", "https://www.monespacesante.fr");
    java.util.List<String> rows = s.rows();
    int first = -1;
    int last = -1;
    for (int r = 0; r < rows.size(); r++) {
      String left = rows.get(r).substring(0, Math.min(40, rows.get(r).length()));
      if (left.matches(".*[█▀▄].*")) {
        first = first < 0 ? r : first;
        last = r;
      }
    }
    assertThat(first).isPositive();
    // Back from half blocks to modules, then a picture ZXing can read.
    int width = 0;
    for (int r = first; r <= last; r++) {
      width = Math.max(width, Math.min(40, rows.get(r).length()));
    }
    int scale = 6;
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(
            (width + 8) * scale,
            ((last - first + 1) * 2 + 8) * scale,
            java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(java.awt.Color.BLACK);
    for (int r = first; r <= last; r++) {
      String row = rows.get(r).substring(0, Math.min(40, rows.get(r).length()));
      for (int c = 0; c < row.length(); c++) {
        char ch = row.charAt(c);
        int x = (c + 4) * scale;
        int y = ((r - first) * 2 + 4) * scale;
        if (ch == '█' || ch == '▀') {
          g.fillRect(x, y, scale, scale);
        }
        if (ch == '█' || ch == '▄') {
          g.fillRect(x, y + scale, scale, scale);
        }
      }
    }
    var bitmap =
        new com.google.zxing.BinaryBitmap(
            new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
    assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText())
        .isEqualTo("https://www.monespacesante.fr");
    int col = rows.get(first).indexOf('█');
    var cell = s.terminal.getCharacter(col, first);
    assertThat(cell.getForegroundColor()).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.BLACK);
    assertThat(cell.getBackgroundColor())
        .isEqualTo(com.googlecode.lanterna.TextColor.ANSI.WHITE_BRIGHT);
    s.press(KeyType.Escape);
    assertThat(s.text()).contains("Espace bientôt créé");
  }

  @Test
  void escapeGoesBackWithoutDoingAnything() {
    VirtualScreen s = toTheAccount(open(), "p-jeanne", null);
    s.type("2").type("1").press(KeyType.Escape).press(KeyType.Escape);
    assertThat(s.text()).contains("Espace bientôt créé");
    assertThat(server().journal("person:p-jeanne")).doesNotContain("OPPOSITION_RECORDED OK");
  }

  /**
   * A counter in French Guiana with a receipt printer: the consent is given in the counter's zone,
   * the receipt printed on the 80 mm roll names the server's public verification page in its QR
   * code, and the help sheet to open the space at home (offered while it is not opened) is printed
   * on the roll in the person's language.
   */
  @Test
  void everyPrintTakesTheCountersPaperZoneAndTheServersVerifyPage() throws Exception {
    server().publicVerifyPage("https://verifier.guichet.example/verify");
    VirtualScreen s =
        toTheAccount(
            counter.open(
                Language.ENGLISH,
                Kiosk.Options.DEFAULTS.withPaper(Paper.ROLL_80MM),
                Counter.NINE_IN_PARIS.withZone(ZoneId.of("America/Cayenne"))),
            "p-jeanne",
            null);
    assertThat(server().lastReceipt("consent").payload()).containsEntry("zone", "America/Cayenne");

    s.type(Counter.tile(s, "Print what you allowed"));
    byte[] consent = printed("accord-rcp-");
    assertThat(Pdfs.widthMm(consent)).isEqualTo(80);
    assertThat(Pdfs.qr(consent)).startsWith("https://verifier.guichet.example/verify");

    s.type(Counter.tile(s, "Print the help: open at home"));
    byte[] help = printed("aide-ouvrir-mon-espace");
    assertThat(Pdfs.widthMm(help)).isEqualTo(80);
    assertThat(Pdfs.flowing(help)).contains("Open your Mon Espace Santé space");
  }

  @Test
  void theHelpSheetIsOfferedOnlyWhileTheSpaceIsNotOpened() {
    VirtualScreen s = toTheAccount(open(), "p-louis", "1");
    assertThat(s.text()).contains("Espace ouvert").doesNotContain("ouvrir chez soi");
  }

  /** The document the kiosk printed last whose file name starts so. */
  byte[] printed(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(counter.documents())) {
      return Files.readAllBytes(
          files
              .filter(f -> f.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow());
    }
  }

  /**
   * A curator (curatelle) is named so wherever the kiosk says how someone acts, and is not offered
   * what a curator alone may not do: refuse the space or open it for the person.
   */
  @Test
  void aCuratorIsNamedSoAndIsNotOfferedWhatOnlyThePersonDecides() {
    VirtualScreen s = counter.login(open());
    DemoSandbox.Papers claire = DemoSandbox.PEOPLE.get("p-claire");
    s.type(claire.nir()).enter().type("20/08/1987").enter().type(claire.vitale()).enter();
    assertThat(s.flowing())
        .contains("2 ► Pour la personne que j’assiste (curatelle) : Raymond Faure");
    s.type("2").type("1").enter();
    assertThat(s.flowing())
        .contains(
            "Pour : Raymond Faure (naissance en 1944) · par Claire Morel, curateur",
            "Espace bientôt créé",
            "Ont aussi accès à cet espace : Claire Morel (curateur ou curatrice).")
        .doesNotContain("Refuser la création", "Ouvrir votre espace");
  }
}
