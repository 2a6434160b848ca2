package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  @ValueSource(strings = {"18412764510894", "1841276451089466", "1"})
  void refusesAWrongLengthAndSaysHowManyCharactersWereTyped(String typed) {
    assertThatThrownBy(() -> Nir.parse(typed))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("invalid.nir.length");
              assertThat(e.params()).containsEntry("count", typed.length());
            });
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
}
