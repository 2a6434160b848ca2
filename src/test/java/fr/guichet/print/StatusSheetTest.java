package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.AccountStatus;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.MediatorSession;
import fr.guichet.contract.Receipt;
import fr.guichet.i18n.Language;
import fr.guichet.testing.DemoSandbox;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatusSheetTest {
  @RegisterExtension static final DemoSandbox sandbox = DemoSandbox.perClass();
  static AccountStatus account;
  static Receipt statement;

  @BeforeAll
  static void statementFromTheServer() {
    MediatorSession session = sandbox.login();
    var who = sandbox.identify("p-jeanne");
    Delegation d =
        sandbox
            .api()
            .consent(
                session,
                ConsentRequest.forSelf(
                    who.identificationId(), List.of("account:read"), 30, "fr", "v1"),
                IdempotencyKey.random());
    account = sandbox.api().account(session, d);
    statement = sandbox.api().statusStatement(session, d, IdempotencyKey.random());
  }

  static byte[] sheet(Language language) {
    return StatusSheet.render(
        new StatusSheet.Content(
            "Jeanne Martin", 1950, account, statement, "Camille Bernard", "France Services Démo"),
        PrintSettings.of(language));
  }

  @Test
  void saysTheStateItsDatesAndWhoGaveItInPlainWords() throws Exception {
    try (PDDocument doc = Loader.loadPDF(sheet(Language.FRENCH))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "Mon Espace Santé : fiche d’état",
              "Pour Jeanne Martin, année de naissance : 1950",
              "Espace bientôt créé",
              "Date limite pour refuser : 31 décembre 2026.",
              "refuser la création de l’espace",
              "3422",
              "Camille Bernard, France Services Démo",
              statement.receiptId());
    }
  }

  @Test
  void speaksThePersonsLanguage() throws Exception {
    try (PDDocument doc = Loader.loadPDF(sheet(Language.ENGLISH))) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("Space to be created soon", "Last day to refuse: December 31, 2026.");
    }
  }

  @Test
  void writesArabicShapedAndReorderedSoThatItReadsBackInOrder() throws Exception {
    byte[] pdf = sheet(Language.ARABIC);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // PDFBox's text extraction undoes the visual order and the presentation forms (NFKC).
      String text =
          java.text.Normalizer.normalize(
              new PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFKC);
      assertThat(text).contains("فضاء سينشأ قريبا", "Jeanne Martin", "2026");
    }
  }

  @Test
  void embedsSubsetFonts() throws Exception {
    try (PDDocument doc = Loader.loadPDF(sheet(Language.FRENCH))) {
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans.*");
      }
    }
  }

  @Test
  void carriesTheServersSignedStatementInAQrCodeThatDecodes() throws Exception {
    try (PDDocument doc = Loader.loadPDF(sheet(Language.FRENCH))) {
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
      assertThat(QrImages.decode(page)).isEqualTo(statement.signed());
    }
  }

  @Test
  void staysSmall() {
    assertThat(sheet(Language.FRENCH).length).isLessThan(60 * 1024);
  }
}
