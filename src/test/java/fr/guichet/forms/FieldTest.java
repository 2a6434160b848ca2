package fr.guichet.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import fr.guichet.domain.InvalidValue;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FieldTest {
  static final FormCatalog FORMS = FormCatalog.standard();
  static final Respondent LOUIS = new Respondent(LocalDate.of(2026, 11, 29), 1985, true);

  static String refusal(Runnable r) {
    try {
      r.run();
      return null;
    } catch (InvalidValue e) {
      return e.messageKey() + " " + new java.util.TreeMap<>(e.params());
    }
  }

  @Test
  void yearsAreFourDigitsNotInTheFutureNotBeforeBirthNorBeforeAnEarlierAnswer() {
    Field start = FORMS.form("diseases").field("startYear");
    Field end = FORMS.form("diseases").field("endYear");
    assertThat(start.parse("1998", 0, LOUIS, Entry.EMPTY)).contains(IntNode.valueOf(1998));
    assertThat(refusal(() -> start.parse("98", 0, LOUIS, Entry.EMPTY)))
        .isEqualTo("form.invalid.year.format {}");
    assertThat(refusal(() -> start.parse("2027", 0, LOUIS, Entry.EMPTY)))
        .isEqualTo("form.invalid.year.future {year=2026}");
    assertThat(refusal(() -> start.parse("1980", 0, LOUIS, Entry.EMPTY)))
        .isEqualTo("form.invalid.year.before-birth {year=1985}");
    assertThat(refusal(() -> start.parse("", 0, LOUIS, Entry.EMPTY)))
        .as("required")
        .isEqualTo("form.required {}");
    Entry since2001 = Entry.EMPTY.with("startYear", IntNode.valueOf(2001));
    assertThat(refusal(() -> end.parse("2000", 0, LOUIS, since2001)))
        .isEqualTo("form.invalid.year.before {year=2001}");
    assertThat(end.parse("", 0, LOUIS, since2001)).as("optional: skipped").isEmpty();
  }

  @Test
  void datesAreDayMonthYearAndReal() {
    Field date = FORMS.form("vaccinations").field("date");
    assertThat(date.parse("5/3/2020", 0, LOUIS, Entry.EMPTY).orElseThrow().asText())
        .isEqualTo("2020-03-05");
    assertThat(refusal(() -> date.parse("31/02/2025", 0, LOUIS, Entry.EMPTY)))
        .startsWith("form.invalid.date.impossible");
    assertThat(refusal(() -> date.parse("2025-02-01", 0, LOUIS, Entry.EMPTY)))
        .startsWith("form.invalid.date.format");
    assertThat(refusal(() -> date.parse("01/12/2026", 0, LOUIS, Entry.EMPTY)))
        .startsWith("form.invalid.date.future");
    assertThat(date.typedForm(date.parse("5/3/2020", 0, LOUIS, Entry.EMPTY).orElseThrow()))
        .isEqualTo("05/03/2020");
  }

  @Test
  void numbersTakeACommaOrADotTheirDecimalsTheirRangeAndTheirUnit() {
    Field weight = FORMS.form("measures").field("weight");
    assertThat(weight.parse("72,5", 0, LOUIS, Entry.EMPTY).orElseThrow().toString())
        .isEqualTo("{\"value\":72.5,\"unit\":\"kg\"}");
    assertThat(weight.parse("72.0", 0, LOUIS, Entry.EMPTY).orElseThrow().toString())
        .isEqualTo("{\"value\":72,\"unit\":\"kg\"}");
    assertThat(refusal(() -> weight.parse("72,55", 0, LOUIS, Entry.EMPTY)))
        .isEqualTo("form.invalid.number.decimals {count=1}");
    assertThat(refusal(() -> weight.parse("400", 0, LOUIS, Entry.EMPTY)))
        .isEqualTo("form.invalid.number.range {max=350, min=1}");
    assertThat(refusal(() -> weight.parse("7a", 0, LOUIS, Entry.EMPTY)))
        .startsWith("form.invalid.number.format");
    Field duration = FORMS.form("hospitalisations").field("duration");
    assertThat(duration.parse("3", 1, LOUIS, Entry.EMPTY).orElseThrow().toString())
        .isEqualTo("{\"value\":3,\"unit\":\"weeks\"}");
    assertThat(weight.typedForm(weight.parse("72,5", 0, LOUIS, Entry.EMPTY).orElseThrow()))
        .isEqualTo("72,5");
  }

  @Test
  void textHasItsLengthAndPattern() {
    Field phone = FORMS.form("entourage").field("emergencyPhone");
    assertThat(phone.parse("06 12 34 56 78", 0, LOUIS, Entry.EMPTY).orElseThrow().asText())
        .isEqualTo("06 12 34 56 78");
    assertThat(phone.parse("+33 6 12 34 56 78", 0, LOUIS, Entry.EMPTY)).isPresent();
    assertThat(refusal(() -> phone.parse("12", 0, LOUIS, Entry.EMPTY)))
        .startsWith("form.invalid.phone");
    Field name = FORMS.form("treatments").field("name");
    assertThat(refusal(() -> name.parse("x".repeat(81), 0, LOUIS, Entry.EMPTY)))
        .isEqualTo("form.invalid.too-long {count=81, max=80}");
    assertThat(FORMS.form("allergies").field("name").other(" Kiwi ").toString())
        .isEqualTo("{\"other\":\"Kiwi\"}");
  }

  @Test
  void adultsOnlyQuestionsAreNotAskedOfAMinorAndFollowUpsOnlyAfterTheirAnswer() {
    SectionForm entourage = FORMS.form("entourage");
    Respondent emma = new Respondent(LocalDate.of(2026, 11, 29), 2015, false);
    assertThat(emma.minor()).isTrue();
    assertThat(entourage.field("directives").applies(Entry.EMPTY, emma)).isFalse();
    assertThat(entourage.field("directives").applies(Entry.EMPTY, LOUIS)).isTrue();
    assertThat(entourage.field("trustedName").applies(Entry.EMPTY, LOUIS)).isFalse();
    assertThatThrownBy(() -> entourage.field("trustedPerson").parse("x", 0, LOUIS, Entry.EMPTY))
        .isInstanceOf(IllegalStateException.class);
  }
}
