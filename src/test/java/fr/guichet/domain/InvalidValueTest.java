package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidValueTest {
  @Test
  void keepsItsKeyAndACopyOfItsParameters() {
    Map<String, Object> params = new HashMap<>(Map.of("count", 3));
    InvalidValue e = new InvalidValue("invalid.nir.length", params);
    params.put("count", 4);
    assertThat(e.messageKey()).isEqualTo("invalid.nir.length");
    assertThat(e.params()).containsEntry("count", 3);
    assertThat(new InvalidValue("invalid.nir.key").params()).isEmpty();
  }
}
