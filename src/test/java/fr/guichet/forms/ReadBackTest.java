package fr.guichet.forms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import org.junit.jupiter.api.Test;

class ReadBackTest {
  static final FormCatalog FORMS = FormCatalog.standard();

  @Test
  void saysEachEntryOnABulletAndItsAnswersIndentedInThePersonsLanguage() {
    SectionForm allergies = FORMS.form("allergies");
    SectionContent c = ProfileSamples.full().get("allergies");
    assertThat(ReadBack.lines(allergies, c, Messages.of(Language.FRENCH)))
        .containsExactly(
            "• Pénicilline (antibiotique)",
            "    Réactions : Boutons, rougeurs · Gêne pour respirer",
            "    Remarque : boutons",
            "• Kiwi");
    assertThat(ReadBack.lines(allergies, c, Messages.of(Language.ENGLISH)).get(1))
        .isEqualTo("    Reactions: Spots, redness · Trouble breathing");
  }

  @Test
  void saysNumbersWithTheirUnitDatesInFullAndIDontKnow() {
    SectionForm measures = FORMS.form("measures");
    var lines =
        ReadBack.lines(
            measures, ProfileSamples.full().get("measures"), Messages.of(Language.FRENCH));
    assertThat(lines)
        .contains("Poids : 72,5 kg", "Température : 37,2 °C", "Noté le 29 novembre 2026.");
    assertThat(
            ReadBack.lines(
                FORMS.form("hospitalisations"),
                ProfileSamples.full().get("hospitalisations"),
                Messages.of(Language.FRENCH)))
        .contains(
            "    Entrée à l’hôpital : 12 mars 2019",
            "    Durée : 3 jours",
            "    Entrée à l’hôpital : Je ne sais pas");
    assertThat(
            ReadBack.lines(
                FORMS.form("hospitalisations"),
                ProfileSamples.full().get("hospitalisations"),
                Messages.of(Language.ROMANIAN)))
        .contains("    Durată: 3 zile");
  }

  @Test
  void saysWhatIsEmptyNotConcernedUnknownConfirmedOrWrittenByAnotherApplication() {
    SectionForm vaccinations = FORMS.form("vaccinations");
    Messages fr = Messages.of(Language.FRENCH);
    assertThat(ReadBack.lines(vaccinations, SectionContent.EMPTY, fr))
        .containsExactly("Rien n’est encore écrit.");
    assertThat(
            ReadBack.lines(
                vaccinations,
                ProfileSamples.content(
                    "vaccinations", "{\"status\":\"not-concerned\",\"since\":\"2026-11-29\"}"),
                fr))
        .containsExactly("Ne concerne pas la personne (dit le 29 novembre 2026).");
    assertThat(ReadBack.lines(vaccinations, ProfileSamples.full().get("vaccinations"), fr))
        .contains("• Fièvre jaune  ✓ confirmé par un professionnel de santé");
    assertThat(
            ReadBack.lines(
                vaccinations,
                ProfileSamples.content(
                    "vaccinations",
                    "{\"entries\":[{\"vaccine\":\"flu\",\"site\":\"bras gauche\"}]}"),
                fr))
        .containsExactly("• Grippe", "    site : bras gauche");
    assertThat(ReadBack.summary(vaccinations, ProfileSamples.full().get("vaccinations"), fr))
        .isEqualTo("rempli (3)");
  }

  @Test
  void aPhoneNumberKeepsItsGroupsInOrderInARightToLeftLine() {
    SectionForm entourage = FORMS.form("entourage");
    var ar =
        ReadBack.lines(
            entourage, ProfileSamples.full().get("entourage"), Messages.of(Language.ARABIC));
    assertThat(ar).anySatisfy(l -> assertThat(l).endsWith("06\u00A012\u00A034\u00A056\u00A078"));
    assertThat(
            ReadBack.lines(
                entourage, ProfileSamples.full().get("entourage"), Messages.of(Language.FRENCH)))
        .contains("Téléphone : 06 12 34 56 78");
  }
}
