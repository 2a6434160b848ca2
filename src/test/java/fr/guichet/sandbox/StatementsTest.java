package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.contract.ReceiptVerifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed statements checked with the key they name, among the server's current and older keys. */
class StatementsTest {
  @TempDir Path before;
  @TempDir Path after;

  @Test
  void aStatementIsCheckedWithTheKeyItNamesAmongSeveral() {
    Signer old = Signer.inDirectory(before);
    Signer current = Signer.inDirectory(after);
    Statements both =
        Statements.forKeys(List.of(Signer.publicKeyIn(after), Signer.publicKeyIn(before)));
    String byOld = old.sign("{\"kid\":\"" + old.keyId() + "\",\"kind\":\"journal-head\"}");

    assertThat(both.payload(byOld))
        .hasValueSatisfying(p -> assertThat(p.path("kind").asText()).isEqualTo("journal-head"));
    assertThat(Statements.forKey(Signer.publicKeyIn(after)).payload(byOld))
        .as("a key it does not name")
        .isEmpty();
    assertThat(current.keyId()).isEqualTo(ReceiptVerifier.keyId(Signer.publicKeyIn(after)));
  }

  @Test
  void aStatementNamingOneKeyButSignedWithAnotherIsRefused() {
    Signer old = Signer.inDirectory(before);
    Signer current = Signer.inDirectory(after);
    Statements both =
        Statements.forKeys(List.of(Signer.publicKeyIn(after), Signer.publicKeyIn(before)));
    String misnamed = old.sign("{\"kid\":\"" + current.keyId() + "\",\"n\":1}");
    assertThat(both.payload(misnamed)).isEmpty();
    String unknown = old.sign("{\"kid\":\"0123456789abcdef\",\"n\":1}");
    assertThat(both.payload(unknown)).isEmpty();
  }

  @Test
  void aStatementFromBeforeKeyIdsIsCheckedWithEachKey() {
    Signer old = Signer.inDirectory(before);
    Signer.inDirectory(after);
    Statements both =
        Statements.forKeys(List.of(Signer.publicKeyIn(after), Signer.publicKeyIn(before)));
    assertThat(both.payload(old.sign("{\"n\":1}"))).isPresent();
    assertThat(both.payload(old.sign("[1]"))).as("not an object").isEmpty();
    assertThat(both.payload("not.signed")).isEmpty();
    assertThatThrownBy(() -> Statements.forKeys(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
