package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "14/03/1950",
        "14 03 1950",
        "14.03.1950",
        "14-03-1950",
        "1950-03-14",
        " 14/3/1950 "
      })
  void readsTheWaysADateIsWritten(String typed) {
    assertThat(BirthDate.parse(typed, TODAY)).isEqualTo(LocalDate.of(1950, 3, 14));
    assertThat(BirthDate.read(typed, TODAY)).isEqualTo(new BirthDate(1950, 3, 14));
  }

  @ParameterizedTest
  @CsvSource({
    "00/00/1950,1950-00-00",
    "00/03/1950,1950-03-00",
    "0/0/1950,1950-00-00",
    "1950-00-00,1950-00-00",
    "00.00.2026,2026-00-00"
  })
  void readsAnUnknownDayOrMonthWrittenWithZeros(String typed, String stored) {
    BirthDate date = BirthDate.read(typed, TODAY);
    assertThat(date.iso()).isEqualTo(stored);
    assertThat(date.whole()).isFalse();
    assertThat(BirthDate.fromIso(stored)).isEqualTo(date);
  }

  @ParameterizedTest
  @CsvSource({
    "31/02/1950,invalid.birthdate.impossible",
    "01/01/2027,invalid.birthdate.impossible",
    "00/00/2027,invalid.birthdate.impossible",
    "00/12/2026,invalid.birthdate.impossible",
    "01/01/1850,invalid.birthdate.impossible",
    "14/00/1950,invalid.birthdate.impossible",
    "1950,invalid.birthdate.format",
    "'',invalid.birthdate.empty",
    "14/13/1950,invalid.birthdate.impossible"
  })
  void explainsWhatIsWrong(String typed, String key) {
    assertThatThrownBy(() -> BirthDate.read(typed, TODAY))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo(key));
  }

  @Test
  void aWholeDateIsAskedWhereOnlyACalendarDayWillDo() {
    assertThatThrownBy(() -> BirthDate.parse("00/00/1950", TODAY))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> assertThat(e.messageKey()).isEqualTo("invalid.birthdate.impossible"));
  }

  @Test
  void aPersonIs18OnTheirBirthdayAndOnTheFirstDayTheyMayBeWhenThatIsUnknown() {
    assertThat(new BirthDate(2008, 12, 20).adultOn()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(new BirthDate(2008, 12, 20).minorOn(LocalDate.of(2026, 12, 19))).isTrue();
    assertThat(new BirthDate(2008, 12, 20).minorOn(LocalDate.of(2026, 12, 20))).isFalse();
    assertThat(new BirthDate(2008, 12, 0).adultOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(new BirthDate(2008, 0, 0).adultOn()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(new BirthDate(2008, 2, 29).adultOn()).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void theCivilStatusKnownPartsAreMatchedAndAnUnknownPartNeverMatchesAKnownOne() {
    BirthDate yearOnly = new BirthDate(1950, 0, 0);
    assertThat(yearOnly.matches(new BirthDate(1950, 0, 0))).isTrue();
    assertThat(yearOnly.matches(new BirthDate(1950, 3, 14))).isTrue();
    assertThat(yearOnly.matches(new BirthDate(1951, 0, 0))).isFalse();
    BirthDate whole = new BirthDate(1950, 3, 14);
    assertThat(whole.matches(new BirthDate(1950, 0, 0))).isFalse();
    assertThat(whole.matches(new BirthDate(1950, 3, 0))).isFalse();
    assertThat(new BirthDate(1950, 3, 0).matches(new BirthDate(1950, 3, 9))).isTrue();
    assertThat(new BirthDate(1950, 3, 0).matches(new BirthDate(1950, 4, 0))).isFalse();
  }

  @Test
  void aNirAgreesWithTheYearAndWithTheMonthWhenItsMonthIsARealOne() {
    Nir march = new Nir("250037505612372");
    assertThat(new BirthDate(1950, 3, 14).agreesWith(march)).isTrue();
    assertThat(new BirthDate(1950, 4, 14).agreesWith(march)).isFalse();
    assertThat(new BirthDate(1950, 0, 0).agreesWith(march)).isFalse();
    assertThat(new BirthDate(1951, 3, 14).agreesWith(march)).isFalse();
    String unknownMonth = "2509997601123";
    Nir mayotte = new Nir(unknownMonth + Nir.key(unknownMonth));
    assertThat(new BirthDate(1950, 0, 0).agreesWith(mayotte)).isTrue();
    assertThat(new BirthDate(1950, 6, 1).agreesWith(mayotte)).isTrue();
  }

  @Provide
  Arbitrary<BirthDate> dates() {
    Arbitrary<LocalDate> days =
        Arbitraries.longs()
            .between(LocalDate.of(1890, 1, 1).toEpochDay(), TODAY.toEpochDay())
            .map(LocalDate::ofEpochDay);
    return Combinators.combine(days, Arbitraries.integers().between(0, 2))
        .as(
            (d, unknown) ->
                new BirthDate(
                    d.getYear(),
                    unknown == 2 ? 0 : d.getMonthValue(),
                    unknown >= 1 ? 0 : d.getDayOfMonth()));
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of("/", " ", ".", "-");
  }

  @Property
  void everyDateReadsBackFromHowItIsTypedAndStored(
      @ForAll("dates") BirthDate date, @ForAll("separators") String separator) {
    assertThat(BirthDate.read(date.dayFirst().replace("/", separator), TODAY)).isEqualTo(date);
    assertThat(BirthDate.read(date.iso(), TODAY)).isEqualTo(date);
    assertThat(BirthDate.fromIso(date.iso())).isEqualTo(date);
  }

  @Property
  void aDateMatchesItselfAndEveryWholeDateOfItsKnownParts(
      @ForAll("dates") BirthDate date, @ForAll("dates") BirthDate other) {
    assertThat(date.matches(date)).isTrue();
    LocalDate someDay = date.earliest().plusDays(other.earliest().getDayOfYear() % 28);
    BirthDate typed = BirthDate.of(someDay);
    boolean sameKnownParts =
        someDay.getYear() == date.year()
            && (date.month() == 0 || someDay.getMonthValue() == date.month())
            && (date.day() == 0 || someDay.getDayOfMonth() == date.day());
    assertThat(date.matches(typed)).isEqualTo(sameKnownParts);
    assertThat(date.matches(other))
        .isEqualTo(
            other.year() == date.year()
                && (date.month() == 0 || other.month() == date.month())
                && (date.day() == 0 || other.day() == date.day()));
  }

  @Property
  void aPersonIsAMinorUntilTheFirstDayTheyMayBe18(@ForAll("dates") BirthDate date) {
    LocalDate adult = date.adultOn();
    assertThat(date.minorOn(adult.minusDays(1))).isTrue();
    assertThat(date.minorOn(adult)).isFalse();
    assertThat(date.minorOn(adult.plusDays(1))).isFalse();
    assertThat(adult).isEqualTo(date.earliest().plusYears(18));
    assertThat(date.earliest().getYear()).isEqualTo(date.year());
  }

  @Property
  void aDateAfterTodayIsRefused(@ForAll("dates") BirthDate date) {
    LocalDate dayBefore = date.earliest().minusDays(1);
    assertThatThrownBy(() -> BirthDate.read(date.dayFirst(), dayBefore))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> assertThat(e.messageKey()).isEqualTo("invalid.birthdate.impossible"));
  }
}
