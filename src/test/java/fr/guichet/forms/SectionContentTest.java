package fr.guichet.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SectionContentTest {
  static final SectionForm VACCINATIONS = FormCatalog.standard().form("vaccinations");

  @Test
  void readsAndWritesTheServersShapeKeepingWhatAnotherApplicationWrote() {
    SectionContent c =
        ProfileSamples.content(
            "vaccinations",
            "{\"form\":1,\"status\":\"filled\",\"source\":\"app\",\"entries\":[{\"vaccine\":\"flu\",\"site\":\"bras\"}]}");
    assertThat(c.toJson(VACCINATIONS).toString())
        .isEqualTo(
            "{\"source\":\"app\",\"form\":1,\"status\":\"filled\",\"entries\":[{\"vaccine\":\"flu\",\"site\":\"bras\"}]}");
    assertThat(SectionContent.of(VACCINATIONS, c.toJson(VACCINATIONS))).isEqualTo(c);
  }

  @Test
  void notConcernedKeepsOnlyWhatAProfessionalConfirmedAndSaysTheDay() {
    SectionContent c =
        ProfileSamples.full().get("vaccinations").notConcerned(LocalDate.of(2026, 11, 29));
    assertThat(c.toJson(VACCINATIONS).toString())
        .isEqualTo(
            "{\"form\":1,\"status\":\"not-concerned\",\"since\":\"2026-11-29\","
                + "\"entries\":[{\"vaccine\":{\"other\":\"Fièvre jaune\"},\"confirmed\":true}]}");
  }

  @Test
  void entriesAreAddedAndRemoved() {
    SectionContent c =
        SectionContent.EMPTY.withEntry(-1, Entry.EMPTY.with("vaccine", TextNode.valueOf("flu")));
    assertThat(c.status()).isEqualTo(Status.FILLED);
    assertThat(c.withoutEntry(0).status()).isEqualTo(Status.EMPTY);
    assertThat(
            SectionContent.of(
                VACCINATIONS,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()))
        .isEqualTo(SectionContent.EMPTY);
  }
}
