package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VitaleSerialTest {
  @Test
  void readsDigitsTypedWithSpaces() {
    assertThat(VitaleSerial.parse("1234 5678").digits()).isEqualTo("12345678");
  }

  @Test
  void matchesTheFullSerialOrTheLastElevenDigitsOfAPhotoCard() {
    VitaleSerial held = new VitaleSerial("4567890123456");
    assertThat(held.matches(VitaleSerial.parse("4567890123456"))).isTrue();
    assertThat(held.matches(VitaleSerial.parse("67890123456"))).isTrue();
    assertThat(held.matches(VitaleSerial.parse("7890123456"))).isFalse();
    assertThat(held.matches(VitaleSerial.parse("4567890123457"))).isFalse();
  }

  @Test
  void refusesTooShortTooLongOrNotDigits() {
    assertThatThrownBy(() -> VitaleSerial.parse("1234567"))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("invalid.vitale.length"));
    assertThatThrownBy(() -> VitaleSerial.parse("12345678901234"))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("invalid.vitale.length"));
    assertThatThrownBy(() -> VitaleSerial.parse("1234567A"))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("invalid.vitale.format"));
    assertThatThrownBy(() -> VitaleSerial.parse(""))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("invalid.vitale.empty"));
  }

  @Test
  void masksItselfWhenPrinted() {
    assertThat(new VitaleSerial("12345678").toString()).isEqualTo("****78");
  }
}
