package fr.guichet.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DocumentNameTest {
  static final ZonedDateTime AT =
      ZonedDateTime.of(2026, 11, 29, 14, 5, 0, 0, ZoneId.of("Europe/Paris"));

  @Test
  void namesWhatWhoseAndWhenInLatinLetters() {
    assertThat(DocumentName.of("profil-medical", "Louis Petit", AT))
        .isEqualTo("profil-medical-louis-p-2026-11-29-1405.pdf");
    assertThat(DocumentName.of("profil-medical", "Emma Petit", AT))
        .isNotEqualTo(DocumentName.of("profil-medical", "Hugo Petit", AT));
    assertThat(DocumentName.of("reçu", "Hélène Da Silva", AT))
        .isEqualTo("recu-helene-s-2026-11-29-1405.pdf");
    assertThat(DocumentName.of("journal", "Jeanne M. (1950)", AT)).startsWith("journal-jeanne-m-");
    assertThat(DocumentName.of("recu", "فاطمة حداد", AT))
        .isEqualTo("recu-فاطمة-ح-2026-11-29-1405.pdf");
    assertThat(DocumentName.of("recu", "", AT)).isEqualTo("recu-personne-2026-11-29-1405.pdf");
  }

  @Test
  void neverHoldsANumberThatIdentifiesThePerson() {
    assertThat(DocumentName.of("recu", "Jeanne 2500375056123", AT)).startsWith("recu-jeanne-2026");
  }
}
