package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
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

  // Properties: every serial a card can carry, typed whole or as the last 11 digits of a photo
  // card.

  @Provide
  Arbitrary<String> serials() {
    return Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(13);
  }

  @Property
  void everySerialOf8To13DigitsParsesTypedWithSpacesAndMasksAllButTwo(
      @ForAll("serials") String digits, @ForAll @IntRange(min = 0, max = 13) int space) {
    int at = Math.min(space, digits.length());
    VitaleSerial serial =
        VitaleSerial.parse(" " + digits.substring(0, at) + " " + digits.substring(at));
    assertThat(serial.digits()).isEqualTo(digits);
    assertThat(serial.toString())
        .isEqualTo("****" + digits.substring(digits.length() - 2))
        .doesNotContain(digits.substring(0, 6));
  }

  @Property
  void aSerialOfAnotherLengthIsRefusedWithItsLength(
      @ForAll @NumericChars @StringLength(min = 1, max = 40) String digits) {
    Assume.that(digits.length() < 8 || digits.length() > 13);
    assertThatThrownBy(() -> VitaleSerial.parse(digits))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("invalid.vitale.length");
              assertThat(e.params()).containsEntry("count", digits.length());
            });
  }

  @Property
  void anythingButDigitsIsRefused(
      @ForAll("serials") String digits,
      @ForAll @IntRange(min = 0, max = 12) int where,
      @ForAll @CharRange(from = '!', to = '~') char other) {
    Assume.that(!Character.isDigit(other));
    int at = Math.min(where, digits.length() - 1);
    String typed = digits.substring(0, at) + other + digits.substring(at + 1);
    assertThatThrownBy(() -> VitaleSerial.parse(typed))
        .isInstanceOfSatisfying(
            InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("invalid.vitale.format"));
  }

  @Property
  void aCardMatchesItsWholeSerialAndTheLast11DigitsOnly(
      @ForAll("serials") String held, @ForAll @IntRange(min = 8, max = 13) int typedLength) {
    VitaleSerial card = new VitaleSerial(held);
    assertThat(card.matches(VitaleSerial.parse(held))).isTrue();
    Assume.that(typedLength < held.length());
    String suffix = held.substring(held.length() - typedLength);
    // A photo card asks for its last 11 digits: no other part of the serial will do.
    assertThat(card.matches(new VitaleSerial(suffix))).isEqualTo(typedLength == 11);
  }

  @Property
  void aSerialWithOneWrongDigitDoesNotMatch(
      @ForAll("serials") String held,
      @ForAll @IntRange(min = 0, max = 12) int where,
      @ForAll @IntRange(min = 1, max = 9) int shift,
      @ForAll boolean photoCard) {
    String typed = photoCard && held.length() >= 11 ? held.substring(held.length() - 11) : held;
    int at = Math.min(where, typed.length() - 1);
    char wrong = (char) ('0' + (typed.charAt(at) - '0' + shift) % 10);
    String mistyped = typed.substring(0, at) + wrong + typed.substring(at + 1);
    assertThat(new VitaleSerial(held).matches(new VitaleSerial(mistyped))).isFalse();
  }
}
