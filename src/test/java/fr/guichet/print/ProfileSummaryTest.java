package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.Receipt;
import fr.guichet.forms.ProfileSamples;
import fr.guichet.forms.SectionContent;
import fr.guichet.i18n.Language;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ProfileSummaryTest {
  static final Receipt RECEIPT =
      new Receipt(
          "rcp-123",
          "profile-update",
          "p-louis",
          Instant.parse("2026-11-29T09:00:00Z"),
          "eyJraW5kIjoicHJvZmlsZS11cGRhdGUifQ.c2lnbmF0dXJl");

  static byte[] summary(Map<String, SectionContent> sections, Receipt receipt, Language person) {
    return ProfileSummary.render(
        new ProfileSummary.Content(
            "Louis Petit",
            1985,
            sections,
            receipt,
            LocalDate.of(2026, 11, 29),
            "Camille Bernard",
            "France Services Démo"),
        PrintSettings.of(person));
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
    }
  }

  @Test
  void saysEverySectionInTheWordsOfTheReadBack() throws Exception {
    String text = text(summary(ProfileSamples.full(), null, Language.FRENCH));
    assertThat(text)
        .contains(
            "Résumé du profil médical",
            "Pour Louis Petit, année de naissance : 1985",
            "Maladies et sujets de santé",
            "Tension trop haute (hypertension)",
            "Depuis : 2015",
            "Pénicilline (antibiotique)",
            "Groupe sanguin : A+",
            "Poids : 72,5 kg",
            "Personne à prévenir : Claire Petit",
            "Camille Bernard, France Services Démo");
  }

  @Test
  void isBilingualWhenThePersonReadsAnotherLanguage() throws Exception {
    String text = text(summary(ProfileSamples.full(), null, Language.ENGLISH));
    assertThat(text)
        .contains(
            "Medical profile summary",
            "Résumé du profil médical",
            "High blood pressure (hypertension)",
            "Tension trop haute (hypertension)",
            "Weight: 72.5 kg",
            "Poids : 72,5 kg");
    String arabic = text(summary(ProfileSamples.full(), null, Language.ARABIC));
    assertThat(arabic).contains("ملخص الملف الطبي", "Résumé du profil médical", "Louis Petit");
  }

  @Test
  void anEmptyProfileSaysSoAndALongOneTakesSeveralPages() throws Exception {
    assertThat(text(summary(Map.of(), null, Language.FRENCH))).contains("Rien n’est encore écrit.");
    try (PDDocument doc = Loader.loadPDF(summary(ProfileSamples.full(), null, Language.ENGLISH))) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
    }
  }

  @Test
  void carriesTheLastReceiptInAQrCodeThatDecodes() throws Exception {
    try (PDDocument doc = Loader.loadPDF(summary(Map.of(), RECEIPT, Language.FRENCH))) {
      BufferedImage page =
          new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 150, ImageType.GRAY);
      assertThat(QrImages.decode(page)).isEqualTo(RECEIPT.signed());
    }
    assertThat(text(summary(Map.of(), RECEIPT, Language.FRENCH)))
        .as("one section's receipt: the caption claims no more than that")
        .contains("Ce code prouve le dernier envoi")
        .doesNotContain("chaque partie du profil");
  }
}
