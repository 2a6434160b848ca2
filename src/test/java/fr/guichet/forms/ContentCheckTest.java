package fr.guichet.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.Json;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentCheckTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final Respondent ADULT = new Respondent(TODAY, 1985, true, false);
  static final Respondent CHILD = new Respondent(TODAY, 2015, false, true);
  static final JsonNode NOTHING = json("{}");

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static List<ContentError> errors(String section, String content, Respondent who) {
    return ContentCheck.errors(FormCatalog.standard().form(section), json(content), NOTHING, who);
  }

  static List<String> pointers(List<ContentError> errors) {
    return errors.stream().map(e -> e.pointer() + " " + e.messageKey()).toList();
  }

  @Test
  void everyKindOfAnswerTheFormsProduceIsAccepted() {
    ProfileSamples.full()
        .forEach(
            (section, content) -> {
              SectionForm form = FormCatalog.standard().form(section);
              JsonNode sent = content.toJson(form);
              // As stored already: the confirmed vaccination was a professional's.
              assertThat(ContentCheck.errors(form, sent, sent, ADULT)).as(section).isEmpty();
            });
  }

  @Test
  void eachWrongAnswerIsPointedAtWithTheKiosksOwnSentence() {
    List<ContentError> errors =
        errors(
            "diseases",
            """
            {"form":1,"status":"filled","entries":[
              {"name":"hypertension","startYear":2031},
              {"name":"lupus","startYear":"1998","ongoing":"maybe"},
              {"startYear":1950,"comment":7},
              {"name":{"other":""},"startYear":1990,"ongoing":"no","endYear":1988}]}""",
            ADULT);
    assertThat(pointers(errors))
        .containsExactly(
            "/entries/0/startYear form.invalid.year.future",
            "/entries/1/name form.invalid.choice",
            "/entries/1/startYear form.invalid.year.format",
            "/entries/1/ongoing form.invalid.choice",
            "/entries/2/name form.required",
            "/entries/2/startYear form.invalid.year.before-birth",
            "/entries/2/comment form.invalid.type",
            "/entries/3/name form.required",
            "/entries/3/endYear form.invalid.year.before");
    assertThat(errors.get(0).params()).containsEntry("year", "2026");
  }

  @Test
  void numbersKeepTheirUnitsRangesAndDecimals() {
    assertThat(
            pointers(
                errors(
                    "measures",
                    """
                    {"form":1,"status":"filled","on":"2026-11-29","answers":{
                      "weight":{"value":400,"unit":"kg"},"height":{"value":178.5,"unit":"cm"},
                      "waist":{"value":90,"unit":"inches"},"heartRate":72}}""",
                    ADULT)))
        .containsExactly(
            "/answers/weight form.invalid.number.range",
            "/answers/height form.invalid.number.decimals",
            "/answers/waist form.invalid.type",
            "/answers/heartRate form.invalid.type");
  }

  @Test
  void theSectionItselfKeepsItsShape() {
    assertThat(
            pointers(
                errors(
                    "measures",
                    "{\"form\":2,\"status\":\"not-concerned\",\"on\":\"2027-01-01\",\"answers\":[]}",
                    ADULT)))
        .containsExactly(
            "/form form.invalid.version",
            "/status form.invalid.choice",
            "/on form.invalid.date.future",
            "/answers form.invalid.type");
    assertThat(pointers(errors("allergies", "{\"entries\":{},\"since\":29}", ADULT)))
        .containsExactly("/since form.invalid.type", "/entries form.invalid.type");
    assertThat(
            errors("allergies", "{\"status\":\"not-concerned\",\"since\":\"2026-11-01\"}", ADULT))
        .isEmpty();
  }

  @Test
  void aMinorIsNeverAskedForAdvanceDirectives() {
    String entourage = "{\"form\":1,\"status\":\"filled\",\"answers\":{\"directives\":\"yes\"}}";
    assertThat(errors("entourage", entourage, ADULT)).isEmpty();
    assertThat(pointers(errors("entourage", entourage, CHILD)))
        .containsExactly("/answers/directives form.invalid.adults-only");
  }

  @Test
  void whatAProfessionalConfirmedIsNeitherChangedNorRemovedNorClaimed() {
    SectionForm vaccinations = FormCatalog.standard().form("vaccinations");
    JsonNode stored =
        json(
            "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"vaccine\":\"tetanus\","
                + "\"date\":\"2019-04-02\",\"confirmed\":true}]}");
    String kept = "{\"vaccine\":\"tetanus\",\"date\":\"2019-04-02\",\"confirmed\":true}";
    assertThat(
            ContentCheck.errors(
                vaccinations,
                json(
                    "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"vaccine\":\"flu\"},"
                        + kept
                        + "]}"),
                stored,
                ADULT))
        .isEmpty();
    assertThat(
            pointers(
                ContentCheck.errors(
                    vaccinations,
                    json(
                        "{\"form\":1,\"status\":\"filled\",\"entries\":[{\"vaccine\":\"tetanus\","
                            + "\"date\":\"2019-05-02\",\"confirmed\":true}]}"),
                    stored,
                    ADULT)))
        .containsExactly(
            "/entries/0 form.invalid.confirmed-changed", "/entries form.invalid.confirmed-removed");
    assertThat(
            pointers(
                ContentCheck.errors(
                    vaccinations,
                    json("{\"form\":1,\"status\":\"not-concerned\",\"since\":\"2026-11-29\"}"),
                    stored,
                    ADULT)))
        .containsExactly("/entries form.invalid.confirmed-removed");
    assertThat(
            pointers(
                ContentCheck.errors(
                    vaccinations,
                    json("{\"entries\":[{\"vaccine\":\"flu\",\"confirmed\":true}]}"),
                    NOTHING,
                    ADULT)))
        .containsExactly("/entries/0 form.invalid.confirmed-changed");
  }

  @Test
  void aPointerEscapesWhatJsonPointersEscape() {
    assertThat(ContentCheck.escape("a/b~c")).isEqualTo("a~1b~0c");
  }
}
