package fr.guichet.forms;

import static fr.guichet.forms.ProfileSamples.content;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionMergeTest {
  static final SectionForm ALLERGIES = FormCatalog.standard().form("allergies");
  static final SectionForm MEASURES = FormCatalog.standard().form("measures");

  static SectionContent allergies(String entries) {
    return content("allergies", "{\"form\":1,\"status\":\"filled\",\"entries\":[" + entries + "]}");
  }

  @Test
  void keepsWhatTheOtherSideWroteAndAppliesWhatWasChangedHere() {
    SectionContent base = allergies("{\"name\":\"pollen\"},{\"name\":\"latex\"}");
    SectionContent mine =
        allergies(
            "{\"name\":\"pollen\"},{\"name\":\"penicillin\"}"); // latex removed, penicillin added
    SectionContent theirs =
        allergies("{\"name\":\"pollen\"},{\"name\":\"latex\"},{\"name\":\"peanuts\"}");
    SectionContent merged = SectionMerge.merge(ALLERGIES, base, mine, theirs);
    assertThat(merged.toJson(ALLERGIES).get("entries").toString())
        .isEqualTo("[{\"name\":\"pollen\"},{\"name\":\"peanuts\"},{\"name\":\"penicillin\"}]");
    assertThat(merged.status()).isEqualTo(Status.FILLED);
  }

  @Test
  void notConcernedHereAndNothingThereStaysNotConcerned() {
    SectionContent merged =
        SectionMerge.merge(
            ALLERGIES,
            SectionContent.EMPTY,
            SectionContent.EMPTY.notConcerned(java.time.LocalDate.of(2026, 11, 29)),
            content("allergies", "{\"form\":1,\"status\":\"unknown\"}"));
    assertThat(merged.status()).isEqualTo(Status.NOT_CONCERNED);
  }

  @Test
  void aSingleSectionTakesTheAnswersChangedHereAndKeepsTheOthers() {
    SectionContent base =
        content("measures", "{\"form\":1,\"answers\":{\"weight\":{\"value\":70,\"unit\":\"kg\"}}}");
    SectionContent mine =
        content("measures", "{\"form\":1,\"answers\":{\"weight\":{\"value\":72,\"unit\":\"kg\"}}}");
    SectionContent theirs =
        content(
            "measures",
            "{\"form\":1,\"answers\":{\"weight\":{\"value\":70,\"unit\":\"kg\"},"
                + "\"height\":{\"value\":178,\"unit\":\"cm\"}}}");
    assertThat(
            SectionMerge.merge(MEASURES, base, mine, theirs)
                .toJson(MEASURES)
                .get("answers")
                .toString())
        .isEqualTo(
            "{\"weight\":{\"value\":72,\"unit\":\"kg\"},\"height\":{\"value\":178,\"unit\":\"cm\"}}");
  }
}
