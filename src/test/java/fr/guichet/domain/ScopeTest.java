package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeTest {
  @Test
  void readsEveryWireNameBackAndNothingElse() {
    for (Scope s : Scope.values()) {
      assertThat(Scope.fromWire(s.wire())).hasValue(s);
    }
    assertThat(Scope.fromWire("account:write")).isEmpty();
    assertThat(Scope.fromWire(null)).isEmpty();
  }
}
