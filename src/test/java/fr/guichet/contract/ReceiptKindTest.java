package fr.guichet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.domain.AccountAction;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReceiptKindTest {
  @Test
  void eachActionOnASpaceHasOneKindAndEachKindAtMostOneAction() {
    for (AccountAction action : AccountAction.values()) {
      ReceiptKind kind = ReceiptKind.forAction(action.name());
      assertThat(kind.action()).contains(action.name());
    }
    Set<String> actions =
        Arrays.stream(ReceiptKind.values())
            .flatMap(k -> k.action().stream())
            .collect(Collectors.toSet());
    assertThat(actions)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AccountAction.values()).map(Enum::name).toList());
    assertThat(Arrays.stream(ReceiptKind.values()).map(ReceiptKind::wire).distinct())
        .hasSize(ReceiptKind.values().length);
  }

  @Test
  void readsEveryWireNameBackAndAnUnknownOneAsUnknown() {
    for (ReceiptKind kind : ReceiptKind.values()) {
      if (kind != ReceiptKind.UNKNOWN) {
        assertThat(ReceiptKind.fromWire(kind.wire())).isEqualTo(kind);
      }
    }
    assertThat(ReceiptKind.fromWire("record-opposition")).isEqualTo(ReceiptKind.RECORD_OPPOSITION);
    assertThat(ReceiptKind.fromWire("from-a-newer-server")).isEqualTo(ReceiptKind.UNKNOWN);
    assertThat(ReceiptKind.fromWire("unknown")).isEqualTo(ReceiptKind.UNKNOWN);
    assertThat(ReceiptKind.fromWire(null)).isEqualTo(ReceiptKind.UNKNOWN);
    assertThatThrownBy(() -> ReceiptKind.forAction("ADD_CAREGIVER"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
