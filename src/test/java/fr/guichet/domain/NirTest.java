package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NirTest {
  @Test
  void readsANirTypedWithSpacesAndChecksItsKey() {
    Nir nir = Nir.parse("1 84 12 76 451 089 46");
    assertThat(nir.value()).isEqualTo("184127645108946");
  }

  @ParameterizedTest
  @CsvSource({"1841276451089,46", "2500375056123,72", "248012A004015,20", "248012B004015,20"})
  void computesTheKeyWithCorsicaCountedAsNumbers(String nir13, String key) {
    if (nir13.contains("2B")) {
      // 2B counts as 18 where 2A counts as 19: the key differs from 2A's.
      assertThat(Nir.key(nir13)).isNotEqualTo(Nir.key(nir13.replace("2B", "2A")));
    } else {
      assertThat(Nir.key(nir13)).isEqualTo(key);
    }
  }

  @Test
  void acceptsCorsicanDepartmentsInLowerCase() {
    assertThat(Nir.parse("2 48 01 2a 004 015 20").value()).isEqualTo("248012A004015" + "20");
  }

  @Test
  void refusesAWrongKeyWithItsOwnMessage() {
    assertThatThrownBy(() -> Nir.parse("1 84 12 76 451 089 47"))
        .isInstanceOf(InvalidValue.class)
        .extracting(e -> ((InvalidValue) e).messageKey())
        .isEqualTo("invalid.nir.key");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"584127645108946", "1841276451089AB", "18413764510894X", "1 84 00 76 451 089 46"})
  void refusesAShapeNoNirHas(String typed) {
    assertThatThrownBy(() -> Nir.parse(typed))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> assertThat(e.messageKey()).isIn("invalid.nir.format", "invalid.nir.key"));
  }

  @Test
  void refusesAnEmptyNir() {
    assertThatThrownBy(() -> Nir.parse("  "))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("invalid.nir.empty"));
  }

  @Test
  void groupsTheWholeNumberAsOnTheCardForAReadBack() {
    assertThat(Nir.parse("162109761115029").grouped()).isEqualTo("1 62 10 97 611 150 29");
    assertThat(Nir.parse("2 48 01 2A 004 015 20").grouped()).isEqualTo("2 48 01 2A 004 015 20");
  }

  @Test
  void neverShowsTheFullNumberWhenPrinted() {
    Nir nir = Nir.parse("184127645108946");
    assertThat(nir.toString()).isEqualTo("1 84 ** ** *** *** **").doesNotContain("7645");
    assertThat(String.valueOf(nir)).isEqualTo(nir.masked());
  }

  @Test
  void acceptsUnknownBirthMonthsAndOverseasDepartments() {
    String nir13 = "1623597611150"; // month 35 (unknown), Mayotte 976
    assertThat(Nir.parse(nir13 + Nir.key(nir13)).value()).startsWith("16235976");
  }

  // Properties: every NIR a person can have, and every way of typing one wrong.

  /** Bodies (the 13 characters before the key) of every shape: mainland, Corsica, overseas. */
  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> place =
        Arbitraries.oneOf(
            Arbitraries.strings().numeric().ofLength(8),
            Arbitraries.of("2A", "2B").flatMap(d -> digits(6).map(d::concat)),
            overseasPlaces());
    return Combinators.combine(
            Arbitraries.of("1", "2", "3", "4", "7", "8"),
            digits(2),
            Arbitraries.oneOf(
                    Arbitraries.integers().between(1, 12), Arbitraries.integers().between(20, 99))
                .map(m -> String.format(Locale.ROOT, "%02d", m)),
            place)
        .as((sex, year, month, where) -> sex + year + month + where);
  }

  /** Department 97, then the overseas department's digit (971 Guadeloupe ... 976 Mayotte). */
  @Provide
  Arbitrary<String> overseasPlaces() {
    return Arbitraries.integers()
        .between(1, 6)
        .flatMap(d -> digits(5).map(rest -> "97" + d + rest));
  }

  private static Arbitrary<String> digits(int count) {
    return Arbitraries.strings().numeric().ofLength(count);
  }

  @Property
  void everyBodyWithItsKeyParsesAndReadsBackFromItsGroupedForm(
      @ForAll("bodies") String body, @ForAll("separators") String separator) {
    Nir nir = Nir.parse(body + Nir.key(body));
    assertThat(nir.value()).isEqualTo(body + Nir.key(body));
    String typed = nir.grouped().replace(" ", separator).toLowerCase(Locale.ROOT);
    assertThat(Nir.parse(typed)).isEqualTo(nir);
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of(" ", "", ".", "-", "  ", " - ");
  }

  @Property
  void theMaskedFormKeepsTheSexAndBirthYearOnly(@ForAll("bodies") String body) {
    Nir nir = Nir.parse(body + Nir.key(body));
    assertThat(nir.masked().replaceAll("[^0-9AB]", "")).isEqualTo(body.substring(0, 3));
    assertThat(nir.toString()).isEqualTo(nir.masked());
  }

  @Property
  void overseasDepartmentsParse(
      @ForAll("overseasPlaces") String place, @ForAll @IntRange(min = 1, max = 12) int month) {
    String body = "2" + "87" + String.format(Locale.ROOT, "%02d", month) + place;
    assertThat(Nir.parse(body + Nir.key(body)).value()).startsWith(body);
  }

  @Property
  void corsicaCountsAs19For2AAnd18For2B(@ForAll("bodies") String body) {
    // The same person born in Corsica: the department replaced, the rest kept.
    String rest = body.substring(7);
    String head = body.substring(0, 5);
    assertThat(Nir.key(head + "2A" + rest)).isEqualTo(Nir.key(head + "19" + rest));
    assertThat(Nir.key(head + "2B" + rest)).isEqualTo(Nir.key(head + "18" + rest));
    assertThat(Nir.key(head + "2A" + rest)).isNotEqualTo(Nir.key(head + "2B" + rest));
  }

  @Property
  void anyOneWrongDigitIsCaughtByTheKey(
      @ForAll("bodies") String body,
      @ForAll @IntRange(min = 0, max = 7) int which,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    // The positions where any digit keeps the shape of a NIR: the year, the commune, the order.
    int at = new int[] {1, 2, 7, 8, 9, 10, 11, 12}[which];
    char wrong = (char) ('0' + (body.charAt(at) - '0' + shift) % 10);
    String typed = body.substring(0, at) + wrong + body.substring(at + 1) + Nir.key(body);
    assertRefused(typed, "invalid.nir.key");
  }

  @Property
  void anyTwoNeighbouringDigitsSwappedAreCaughtByTheKey(
      @ForAll("bodies") String body, @ForAll @IntRange(min = 7, max = 11) int at) {
    Assume.that(body.charAt(at) != body.charAt(at + 1));
    String swapped =
        body.substring(0, at) + body.charAt(at + 1) + body.charAt(at) + body.substring(at + 2);
    assertRefused(swapped + Nir.key(body), "invalid.nir.key");
  }

  @Property
  void anyOtherKeyIsRefused(
      @ForAll("bodies") String body, @ForAll @IntRange(min = 0, max = 99) int key) {
    String typed = String.format(Locale.ROOT, "%02d", key);
    Assume.that(!typed.equals(Nir.key(body)));
    assertRefused(body + typed, "invalid.nir.key");
  }

  @Property
  void aNumberOfAnotherLengthIsRefusedWithItsLength(
      @ForAll @NumericChars @StringLength(min = 1, max = 30) String typed) {
    Assume.that(typed.length() != 15);
    assertThatThrownBy(() -> Nir.parse(typed))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("invalid.nir.length");
              assertThat(e.params()).containsEntry("count", typed.length());
            });
  }

  private static void assertRefused(String typed, String messageKey) {
    assertThatThrownBy(() -> Nir.parse(typed))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
  }
}
