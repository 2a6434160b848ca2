package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
  }

  @ParameterizedTest
  @CsvSource({
    "31/02/1950,invalid.birthdate.impossible",
    "01/01/2027,invalid.birthdate.impossible",
    "01/01/1850,invalid.birthdate.impossible",
    "1950,invalid.birthdate.format",
    "'',invalid.birthdate.empty",
    "14/13/1950,invalid.birthdate.impossible"
  })
  void explainsWhatIsWrong(String typed, String key) {
    assertThatThrownBy(() -> BirthDate.parse(typed, TODAY))
        .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo(key));
  }
}
