package fr.guichet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationTest {
  @Test
  void everyLifecycleActionIsOneOperationWithTheSameScope() {
    for (AccountAction a : AccountAction.values()) {
      Operation o = Operation.of(a);
      assertThat(o.action()).isEqualTo(a);
      assertThat(o.scope()).isEqualTo(a.requiredScope());
      assertThat(o.name()).isEqualTo(a.name());
    }
  }

  @Test
  void aDownloadNeedsTheSameScopeAsTheListButIsItsOwnOperation() {
    assertThat(Operation.DOWNLOAD_DOCUMENT.scope()).isEqualTo(Operation.LIST_DOCUMENTS.scope());
    assertThat(Operation.DOWNLOAD_DOCUMENT.action()).isNull();
  }
}
