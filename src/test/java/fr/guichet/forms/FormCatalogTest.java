package fr.guichet.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormCatalogTest {
  @Test
  void hasOneFormPerSectionOfTheApiInTheAssistantsOrder() {
    assertThat(FormCatalog.standard().forms())
        .extracting(SectionForm::section)
        .containsExactlyElementsOf(FormCatalog.SECTIONS);
    assertThat(FormCatalog.load(Path.of("forms")).forms()).hasSize(11);
  }

  @Test
  void listsAreRepeatedAndCommonAnswersComeFirst() {
    SectionForm allergies = FormCatalog.standard().form("allergies");
    assertThat(allergies.repeated()).isTrue();
    assertThat(allergies.field("name").options())
        .extracting(Option::value)
        .startsWith("penicillin", "aspirin", "pollen");
    assertThat(allergies.field("name").other()).isTrue();
    assertThat(FormCatalog.standard().form("measures").repeated()).isFalse();
    assertThat(
            FormCatalog.standard()
                .form("blood-group")
                .field("group")
                .option("o-neg")
                .orElseThrow()
                .coding())
        .isEqualTo(new Coding("http://snomed.info/sct", "278148006"));
  }
}
