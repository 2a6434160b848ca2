package fr.guichet.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The form definitions are checked at build time (this test runs in {@code mvn verify}): every one
 * passes the schema and the checks a schema cannot make; a broken one fails the build with a
 * message naming the file and the field.
 */
class FormDefinitionsTest {
  static final Path BROKEN = Path.of("src/test/resources/forms-broken/allergies.json");

  @Test
  void everyDefinitionPassesTheSchemaAndTheCrossChecks() throws Exception {
    assertThat(FormDefinitionCheck.standard().folder(FormDefinitionCheck.FORMS)).isEmpty();
  }

  @Test
  void aBrokenDefinitionIsRefusedWithItsFileAndField() throws Exception {
    List<String> problems = FormDefinitionCheck.standard().file(BROKEN);
    assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("allergies.json: "));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("field 'reactions'", "type"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("field 'comment'", "maxLength"));
  }

  @Test
  void whatTheSchemaCannotSayIsCheckedTooAndNamed(@TempDir Path dir) throws Exception {
    String good = Files.readString(FormDefinitionCheck.FORMS.resolve("allergies.json"));
    Path file = dir.resolve("allergies.json");
    Files.writeString(
        file,
        good.replace("\"value\": \"pollen\"", "\"value\": \"latex\"")
            .replace("\"pictogram\": \"REACTION\"", "\"pictogram\": \"SNEEZE\"")
            .replace("profile.allergies.comment.help", "profile.allergies.comment.nowhere"));
    List<String> problems = FormDefinitionCheck.standard().file(file);
    assertThat(problems)
        .contains(
            "allergies.json: field 'name': the choice value 'latex' is used twice",
            "allergies.json: field 'reactions': no pictogram named 'SNEEZE' (see ProfilePictogram)")
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "allergies.json: field 'comment': the key 'profile.allergies.comment.nowhere'"
                            + " is missing from i18n/messages_fr.properties"));
  }

  @Test
  void aMissingSectionOrAnUnknownFileIsSaid(@TempDir Path dir) throws Exception {
    for (String s : FormCatalog.SECTIONS) {
      if (!s.equals("measures")) {
        Files.copy(FormDefinitionCheck.FORMS.resolve(s + ".json"), dir.resolve(s + ".json"));
      }
    }
    Files.writeString(dir.resolve("dreams.json"), "{}");
    assertThat(FormDefinitionCheck.standard().folder(dir))
        .containsExactly(
            "measures.json: missing (one definition per section of the API)",
            "dreams.json: no such section in the API");
  }

  @Test
  void theProgramRefusesABrokenDefinitionAtLoadingTooNamingTheFile() throws Exception {
    byte[] json = Files.readAllBytes(BROKEN);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FormCatalog.read("allergies.json", json))
        .hasMessageStartingWith("allergies.json: ");
  }
}
