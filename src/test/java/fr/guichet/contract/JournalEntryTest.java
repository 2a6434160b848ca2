package fr.guichet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
  static JournalEntry entry(long seq, String previous, String hash) {
    return new JournalEntry(
        seq,
        Instant.parse("2026-11-29T09:00:00Z"),
        "mediator:m-camille (Camille Bernard)",
        "str",
        "cns",
        "ACCOUNT_READ",
        "OK",
        "",
        previous,
        hash);
  }

  static final String GENESIS = "0".repeat(64);

  /** The first line of a chain, by {@code actor}, outside any structure or consent. */
  static JournalEntry firstLine(String actor, String action, String outcome) {
    return new JournalEntry(1, Instant.EPOCH, actor, null, null, action, outcome, "", GENESIS, "a");
  }

  @Test
  void aChainWhoseLinesFollowEachOtherHasNoBreak() {
    assertThat(
            JournalEntry.firstBreak(
                List.of(entry(1, GENESIS, "a"), entry(2, "a", "b"), entry(3, "b", "c"))))
        .isEmpty();
    assertThat(JournalEntry.firstBreak(List.of())).isEmpty();
  }

  @Test
  void aLineNotLinkedToTheOneBeforeIsTheBreak() {
    assertThat(
            JournalEntry.firstBreak(
                List.of(entry(1, GENESIS, "a"), entry(2, "a", "b"), entry(3, "x", "c"))))
        .isEqualTo(OptionalLong.of(3));
  }

  @Test
  void aMissingLineIsABreakEvenWhenTheHashesWereRelinked() {
    assertThat(JournalEntry.firstBreak(List.of(entry(1, GENESIS, "a"), entry(3, "a", "c"))))
        .isEqualTo(OptionalLong.of(3));
    assertThat(JournalEntry.firstBreak(List.of(entry(2, "a", "b"), entry(3, "b", "c"))))
        .isEqualTo(OptionalLong.of(2));
  }

  @Test
  void linesInTheWrongOrderAreABreak() {
    assertThat(
            JournalEntry.firstBreak(
                List.of(entry(1, GENESIS, "a"), entry(3, "b", "c"), entry(2, "a", "b"))))
        .isEqualTo(OptionalLong.of(3));
  }

  @Test
  void showsTheMediatorsNameNotTheirId() {
    assertThat(entry(1, GENESIS, "a").actorName()).isEqualTo("Camille Bernard");
    assertThat(firstLine("anonymous", "LOGIN", "REFUSED login-failed").actorName())
        .isEqualTo("anonymous");
  }

  @Test
  void okIsDoneAnythingElseIsRefused() {
    assertThat(entry(1, GENESIS, "a").done()).isTrue();
    assertThat(firstLine("x", "CONSENT", "REFUSED caregiver-forbidden").done()).isFalse();
  }
}
