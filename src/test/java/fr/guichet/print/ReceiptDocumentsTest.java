package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ActionResult;
import fr.guichet.contract.ActivationRequest;
import fr.guichet.contract.CaregiverRequest;
import fr.guichet.contract.ClosureRequest;
import fr.guichet.contract.Receipt;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import fr.guichet.testing.DemoSandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of receipt, built from real receipts of the reference server: its text read back, its
 * QR code decoded from the rendered page, and the decoded receipt verified offline with the
 * server's public key.
 */
class ReceiptDocumentsTest {
  @TempDir static Path data;
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static ReceiptVerifier verifier;
  static final Map<String, Receipt> RECEIPTS = new LinkedHashMap<>();
  static final ReceiptLink LINK = ReceiptLink.of("https://guichet.example/");

  @BeforeAll
  static void receiptsFromTheServer() {
    verifier = ReceiptVerifier.forKey(sandbox.api().publicKey());
    DemoSandbox.Sitting jeanne = sandbox.open("p-jeanne", "account:read", "opposition:write");
    RECEIPTS.put("consent", jeanne.delegation().receipt());
    RECEIPTS.put(
        "record-opposition",
        act(sandbox.api().recordOpposition(jeanne.session(), jeanne.delegation(), key())));
    RECEIPTS.put(
        "withdraw-opposition",
        act(sandbox.api().withdrawOpposition(jeanne.session(), jeanne.delegation(), key())));
    DemoSandbox.Sitting louis =
        sandbox.open("p-louis", "account:read", "record:close", "sharing:manage", "profile:write");
    RECEIPTS.put(
        "close",
        act(
            sandbox
                .api()
                .close(louis.session(), louis.delegation(), new ClosureRequest(false), key())));
    RECEIPTS.put(
        "request-deletion",
        act(sandbox.api().requestDeletion(louis.session(), louis.delegation(), key())));
    RECEIPTS.put("reopen", act(sandbox.api().reopen(louis.session(), louis.delegation(), key())));
    DemoSandbox.Papers alain = DemoSandbox.PEOPLE.get("p-alain");
    RECEIPTS.put(
        "caregiver-added",
        act(
            sandbox
                .api()
                .addCaregiver(
                    louis.session(),
                    louis.delegation(),
                    new CaregiverRequest(alain.nir(), "Roux", "Alain", alain.birth()),
                    key())));
    RECEIPTS.put(
        "profile-update",
        sandbox
            .api()
            .writeProfileSection(
                louis.session(),
                louis.delegation(),
                "blood-group",
                0,
                JsonNodeFactory.instance.objectNode().put("group", "O+"),
                key())
            .receipt());
    DemoSandbox.Sitting maria = sandbox.open("p-maria", "account:read", "account:activate");
    RECEIPTS.put(
        "activate",
        act(
            sandbox
                .api()
                .activate(
                    maria.session(),
                    maria.delegation(),
                    new ActivationRequest("MD8R-3T6W"),
                    key())));
  }

  static IdempotencyKey key() {
    return IdempotencyKey.random();
  }

  static Receipt act(ActionResult r) {
    return r.receipt();
  }

  static byte[] render(String kind, Language language, Paper paper) {
    return ActionReceipt.any(
        RECEIPTS.get(kind), PrintSettings.of(language).withPaper(paper).withLink(LINK));
  }

  /** Decodes the page's QR code and checks the receipt in it offline. */
  static ReceiptCheck checkQr(byte[] pdf, String kind) throws Exception {
    String qr = Pdfs.qr(pdf);
    assertThat(qr).startsWith("https://guichet.example/verify?r=");
    assertThat(ReceiptLink.signedPart(qr)).isEqualTo(RECEIPTS.get(kind).signed());
    return verifier.check(ReceiptLink.signedPart(qr));
  }

  @Test
  void everyKindPrintsAndItsQrCodeVerifies() throws Exception {
    for (String kind : RECEIPTS.keySet()) {
      byte[] pdf = render(kind, Language.FRENCH, Paper.A4);
      String text = Pdfs.flowing(pdf);
      assertThat(text)
          .as(kind)
          .contains(
              Messages.of(Language.FRENCH).text("receipt.title." + kind),
              "3422",
              RECEIPTS.get(kind).receiptId(),
              "Camille Bernard");
      ReceiptCheck check = checkQr(pdf, kind);
      assertThat(check.valid()).as(kind).isTrue();
      assertThat(check.payload()).as(kind).containsEntry("kind", kind);
    }
  }

  @Test
  void theConsentReceiptSaysWhatWasAllowedUntilWhenAndThatItCanStop() throws Exception {
    String text = Pdfs.flowing(render("consent", Language.FRENCH, Paper.A4));
    assertThat(text)
        .contains(
            "Pour : Jeanne M. (1950)",
            "regarder l’état de votre espace",
            "refuser la création de votre espace, ou annuler ce refus",
            "Jusqu’au 29 novembre 2026 à",
            "Vous pouvez arrêter à tout moment");
  }

  @Test
  void oppositionAndClosureReceiptsSayHowToUndoAndUntilWhen() throws Exception {
    assertThat(Pdfs.flowing(render("record-opposition", Language.FRENCH, Paper.A4)))
        .contains("Vous pouvez annuler ce refus jusqu’au 31 décembre 2026.");
    assertThat(Pdfs.flowing(render("withdraw-opposition", Language.FRENCH, Paper.A4)))
        .contains("Vous pouvez encore refuser jusqu’au 31 décembre 2026.");
    assertThat(Pdfs.flowing(render("close", Language.FRENCH, Paper.A4)))
        .contains(
            "Vos données sont gardées jusqu’au 29 novembre 2036.",
            "Vous pouvez rouvrir votre espace à tout moment.");
    assertThat(Pdfs.flowing(render("request-deletion", Language.FRENCH, Paper.A4)))
        .contains(
            "Vos données seront effacées au plus tard le 28 février 2027.",
            "Tant que l’effacement n’est pas fait, et au plus tard jusqu’au 28 février 2027, vous pouvez rouvrir votre espace");
    assertThat(Pdfs.flowing(render("reopen", Language.FRENCH, Paper.A4)))
        .contains("Vos données gardées sont revenues");
  }

  @Test
  void thePersonsLanguageLargeAndFrenchSmallWhenTheyDiffer() throws Exception {
    String text = Pdfs.flowing(render("record-opposition", Language.PORTUGUESE, Paper.A4));
    assertThat(text)
        .contains(Messages.of(Language.PORTUGUESE).text("receipt.title.record-opposition"))
        .contains(Messages.of(Language.FRENCH).text("receipt.title.record-opposition"));
    assertThat(Pdfs.flowing(render("record-opposition", Language.FRENCH, Paper.A4)))
        .doesNotContain(Messages.of(Language.PORTUGUESE).text("receipt.title.record-opposition"));
  }

  @Test
  void anArabicReceiptHasJoinedLettersInRightToLeftOrder() throws Exception {
    byte[] pdf = render("record-opposition", Language.ARABIC, Paper.A4);
    String title = Messages.of(Language.ARABIC).text("receipt.title.record-opposition");
    String firstWord = title.split(" ")[0];
    String drawn =
        Pdfs.visualLines(pdf).stream()
            .filter(l -> l.codePoints().anyMatch(c -> c >= 0xFB50 && c <= 0xFEFF))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no joined Arabic letters were drawn"));
    // Joined letters: presentation forms (U+FB50–U+FEFF), not the isolated letters of the bundle.
    assertThat(drawn.codePoints().filter(c -> c >= 0xFB50 && c <= 0xFEFF).count())
        .isGreaterThan(10);
    // Right to left: the glyphs drawn from left to right, read backwards, spell the title.
    String readRightToLeft =
        java.text.Normalizer.normalize(
            new StringBuilder(drawn).reverse().toString(), java.text.Normalizer.Form.NFKC);
    assertThat(readRightToLeft).startsWith(firstWord);
    assertThat(Pdfs.flowing(pdf)).contains(title);
    assertThat(checkQr(pdf, "record-opposition").valid()).isTrue();
  }

  @Test
  void aRollReceiptIsEightyMillimetresWideAndCutToLength() throws Exception {
    byte[] pdf = render("close", Language.FRENCH, Paper.ROLL_80MM);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var box = doc.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isCloseTo(226.77f, org.assertj.core.data.Offset.offset(0.1f));
      assertThat(box.getHeight()).isLessThan(1200);
    }
    assertThat(checkQr(pdf, "close").valid()).isTrue();
  }

  @Test
  void aTamperedReceiptIsNotVerified() {
    String signed = RECEIPTS.get("close").signed();
    String tampered = signed.replaceFirst("Y", "Z");
    assertThat(verifier.check(tampered).valid()).isFalse();
  }

  @Test
  void eachDocumentClassRefusesAnotherKind() {
    PrintSettings fr = PrintSettings.of(Language.FRENCH).withLink(LINK);
    assertThatThrownBy(() -> ConsentReceipt.render(RECEIPTS.get("close"), fr))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OppositionReceipt.render(RECEIPTS.get("consent"), fr))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClosureReceipt.render(RECEIPTS.get("consent"), fr))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActionReceipt.render(RECEIPTS.get("consent"), fr))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
