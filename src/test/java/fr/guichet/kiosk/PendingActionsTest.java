package fr.guichet.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actions confirmed but not answered: one key per person and action, kept across a restart, and
 * the person's name on disk only sealed with the password of the mediator who confirmed it.
 */
class PendingActionsTest {
  static final Instant AT = Instant.parse("2026-11-29T09:00:00Z");
  @TempDir Path state;

  @Test
  void theNameIsSealedOnDiskAndReadBackOnlyByTheSameMediator() throws IOException {
    Path file = state.resolve("pending");
    PendingActions before = PendingActions.inFile(file);
    before.unlock("Guichet-demo-2026");
    String key = before.keyFor("p-jeanne", "RECORD_OPPOSITION", "Jeanne M. (1950)", AT);
    assertThat(Files.readString(file))
        .contains(key, "RECORD_OPPOSITION", "p-jeanne", "2026-11-29T09:00:00Z")
        .doesNotContain("Jeanne", "1950");

    PendingActions after = PendingActions.inFile(file);
    assertThat(after.all()).singleElement().satisfies(p -> assertThat(p.name()).isNull());
    after.unlock("another mediator's password");
    assertThat(after.all().get(0).name()).as("sealed for another mediator").isNull();
    after.unlock("Guichet-demo-2026");
    assertThat(after.all().get(0).name()).isEqualTo("Jeanne M. (1950)");
    assertThat(after.keyFor("p-jeanne", "RECORD_OPPOSITION", "Jeanne M. (1950)", AT))
        .as("the same action for the same person keeps its key")
        .isEqualTo(key);
    after.lock();
    assertThat(after.all().get(0).name()).as("forgotten when the mediator leaves").isNull();
  }

  @Test
  void theServersAnswerEndsIt() throws IOException {
    Path file = state.resolve("pending");
    PendingActions pending = PendingActions.inFile(file);
    pending.unlock("Guichet-demo-2026");
    String key = pending.keyFor("p-louis", "CLOSE", "Louis P. (1985)", AT);
    pending.done(key);
    assertThat(pending.all()).isEmpty();
    assertThat(PendingActions.inFile(file).all()).isEmpty();
    assertThat(Files.readString(file)).doesNotContain(key);
  }

  @Test
  void aFileOfAnOlderKioskIsReadWithoutNames() throws IOException {
    Path file = state.resolve("pending");
    Files.writeString(file, "k-1|RECORD_OPPOSITION|p-jeanne|2026-11-29T09:00:00Z\n");
    PendingActions pending = PendingActions.inFile(file);
    pending.unlock("Guichet-demo-2026");
    assertThat(pending.all())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("k-1");
              assertThat(p.name()).isNull();
            });
  }

  @Test
  void inMemoryTheNameIsKeptAsItIsAndNothingIsWritten() {
    PendingActions pending = PendingActions.inMemory();
    pending.keyFor("p-jeanne", "RECORD_OPPOSITION", "Jeanne M. (1950)", AT);
    pending.lock();
    assertThat(pending.all().get(0).name()).isEqualTo("Jeanne M. (1950)");
    assertThat(state).isEmptyDirectory();
  }
}
