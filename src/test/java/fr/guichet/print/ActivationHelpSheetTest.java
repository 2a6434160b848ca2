package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import org.junit.jupiter.api.Test;

class ActivationHelpSheetTest {
  @Test
  void saysWhereTheNumberIsOnEachCardAndLinksToTheOfficialSite() throws Exception {
    byte[] pdf = ActivationHelpSheet.render(PrintSettings.of(Language.FRENCH));
    assertThat(Pdfs.flowing(pdf))
        .contains(
            "Ouvrir votre espace Mon Espace Santé",
            "au dos, en haut à gauche",
            "en haut à droite. Tapez les 11 derniers chiffres",
            "3422");
    assertThat(Pdfs.qr(pdf)).isEqualTo(ActivationHelpSheet.OFFICIAL_SITE);
    assertThat(Pdfs.pages(pdf)).isEqualTo(1);
  }

  @Test
  void printsOnARollToo() throws Exception {
    byte[] pdf =
        ActivationHelpSheet.render(PrintSettings.of(Language.TURKISH).withPaper(Paper.ROLL_80MM));
    assertThat(Pdfs.qr(pdf)).isEqualTo(ActivationHelpSheet.OFFICIAL_SITE);
    assertThat(Pdfs.flowing(pdf)).contains(Messages.of(Language.TURKISH).text("help-sheet.title"));
  }
}
