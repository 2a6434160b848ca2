package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyTest {
  @Test
  void knowsDigitsAndFunctionKeys() {
    assertThat(Key.of('7').digit()).isEqualTo(7);
    assertThat(Key.of('a').digit()).isEqualTo(-1);
    assertThat(Key.ENTER.digit()).isEqualTo(-1);
    assertThat(Key.function(10).isFunction(10)).isTrue();
    assertThat(Key.function(10).isFunction(1)).isFalse();
    assertThat(Key.of('1').isFunction(1)).isFalse();
  }
}
