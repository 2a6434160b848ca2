package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.forms.ProfileSamples;
import fr.guichet.forms.SectionContent;
import fr.guichet.i18n.Language;
import fr.guichet.i18n.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class EmergencyCardTest {
  static EmergencyCard.Content louis(Map<String, SectionContent> sections) {
    return new EmergencyCard.Content("Louis Petit", 1985, sections);
  }

  @Test
  void saysBloodGroupAllergiesTreatmentsAndWhomToCallInFrench() throws Exception {
    List<String[]> lines =
        EmergencyCard.lines(louis(ProfileSamples.full()), Messages.of(Language.FRENCH));
    assertThat(lines)
        .extracting(l -> l[0] + " = " + l[1])
        .containsExactly(
            "Groupe sanguin = A+",
            "Allergies = Pénicilline (antibiotique), Kiwi",
            "Traitements = Amlodipine 5 mg 1 le matin, Amoxicilline",
            "Qui appeler = Claire Petit (Conjoint ou conjointe) ☎ 06 12 34 56 78");
    try (PDDocument doc =
        Loader.loadPDF(
            EmergencyCard.render(
                louis(ProfileSamples.full()), PrintSettings.of(Language.FRENCH)))) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("CARTE D’URGENCE", "Louis Petit (1985)", "A+", "Kiwi", "Découpez la carte");
    }
  }

  @Test
  void headingsAreAlsoInThePersonsLanguageAndValuesStayFrenchForTheEmergencyServices() {
    List<String[]> lines =
        EmergencyCard.lines(louis(ProfileSamples.full()), Messages.of(Language.PORTUGUESE));
    assertThat(lines.get(0)[0]).isEqualTo("Groupe sanguin · Grupo sanguíneo");
    assertThat(lines.get(1)[1]).isEqualTo("Pénicilline (antibiotique), Kiwi");
  }

  @Test
  void saysWhatIsUnknownAndCutsLongLists() {
    Map<String, SectionContent> sections = new HashMap<>();
    sections.put(
        "allergies",
        ProfileSamples.content(
            "allergies", "{\"form\":1,\"status\":\"not-concerned\",\"since\":\"2026-11-29\"}"));
    sections.put(
        "treatments",
        ProfileSamples.content(
            "treatments",
            "{\"form\":1,\"status\":\"filled\",\"entries\":["
                + "{\"name\":\"A\"},{\"name\":\"B\"},{\"name\":\"C\"},{\"name\":\"D\"},{\"name\":\"E\"},{\"name\":\"F\"}]}"));
    List<String[]> lines = EmergencyCard.lines(louis(sections), Messages.of(Language.FRENCH));
    assertThat(lines)
        .extracting(l -> l[1])
        .containsExactly("non renseigné", "aucun connu", "A, B, C, D, (+2)", "non renseigné");
  }
}
