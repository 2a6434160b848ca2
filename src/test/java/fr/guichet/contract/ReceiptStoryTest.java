package fr.guichet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptStoryTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static Map<String, Object> payload(String kind, Object... facts) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("v", 1);
    p.put("kind", kind);
    p.put("id", "rcp-1");
    p.put("issuedAt", "2026-11-29T09:00:00Z");
    p.put("person", "Jeanne M. (1950)");
    for (int i = 0; i < facts.length; i += 2) {
      p.put((String) facts[i], facts[i + 1]);
    }
    return p;
  }

  static List<String> keys(List<ReceiptStory.Sentence> sentences) {
    return sentences.stream().map(ReceiptStory.Sentence::key).toList();
  }

  @Test
  void anOppositionSaysWhatItChangesAndUntilWhenItCanBeWithdrawn() {
    ReceiptStory story =
        ReceiptStory.of(
            payload(
                "record-opposition",
                "oppositionDeadline",
                "2026-12-31",
                "mediator",
                "Camille Bernard",
                "structure",
                "France Services",
                "actingAs",
                "SELF"),
            PARIS);
    assertThat(story.kind()).isEqualTo(ReceiptKind.RECORD_OPPOSITION);
    assertThat(story.title().key()).isEqualTo("receipt.title.record-opposition");
    assertThat(story.forWhom().params()).containsEntry("person", "Jeanne M. (1950)");
    assertThat(story.actingAs()).isNull();
    assertThat(keys(story.happened())).containsExactly("receipt.opposition.done");
    assertThat(story.undo())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.key()).isEqualTo("receipt.undo.withdraw");
              assertThat(s.params()).containsEntry("date", LocalDate.of(2026, 12, 31));
            });
    assertThat(story.when().key()).isEqualTo("receipt.when");
    assertThat(story.when().params())
        .containsEntry("date", LocalDate.of(2026, 11, 29))
        .containsEntry("time", ZonedDateTime.of(2026, 11, 29, 10, 0, 0, 0, PARIS))
        .containsEntry("mediator", "Camille Bernard");
  }

  @Test
  void theCountersZoneRecordedInTheReceiptWinsOverTheOneGiven() {
    ReceiptStory story =
        ReceiptStory.of(
            payload("close", "zone", "America/Cayenne", "archiveEnd", "2036-11-29"), PARIS);
    assertThat(story.zone()).isEqualTo(ZoneId.of("America/Cayenne"));
    assertThat(story.when().params().get("time").toString()).startsWith("2026-11-29T06:00");
    assertThat(story.when().key()).as("no mediator in the payload").isEqualTo("receipt.signed-at");
    assertThat(ReceiptStory.of(payload("close", "zone", "Nowhere/Land"), PARIS).zone())
        .isEqualTo(PARIS);
  }

  @Test
  void aClosureSaysTheDateThatMattersAndHowToReopen() {
    ReceiptStory kept = ReceiptStory.of(payload("close", "archiveEnd", "2036-11-29"), PARIS);
    assertThat(keys(kept.happened())).containsExactly("account.archive-end");
    assertThat(keys(kept.undo())).containsExactly("receipt.undo.reopen");
    ReceiptStory deleted =
        ReceiptStory.of(
            payload("request-deletion", "archiveEnd", "2036-11-29", "deletionDue", "2027-02-28"),
            PARIS);
    assertThat(keys(deleted.happened())).containsExactly("account.deletion-due");
    assertThat(keys(deleted.undo())).containsExactly("receipt.undo.reopen-before");
    assertThat(deleted.undo().get(0).params()).containsEntry("date", LocalDate.of(2027, 2, 28));
  }

  @Test
  void aReopeningSaysTheDataCameBackOnlyWhenTheReceiptSaysSo() {
    assertThat(keys(ReceiptStory.of(payload("reopen", "dataRestored", true), PARIS).happened()))
        .containsExactly("receipt.reopen.restored");
    assertThat(keys(ReceiptStory.of(payload("reopen", "dataRestored", false), PARIS).happened()))
        .containsExactly("receipt.reopen.not-restored");
    assertThat(ReceiptStory.of(payload("reopen"), PARIS).happened())
        .as("a receipt that does not say it is not made to say either")
        .isEmpty();
  }

  @Test
  void aConsentListsWhatWasAllowedUntilWhenAndThatItCanStop() {
    ReceiptStory story =
        ReceiptStory.of(
            payload(
                "consent",
                "scopes",
                List.of("account:read", "opposition:write"),
                "until",
                "2026-11-29T09:30:00Z",
                "actingAs",
                "CAREGIVING"),
            PARIS);
    assertThat(story.happened())
        .extracting(ReceiptStory.Sentence::key, ReceiptStory.Sentence::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "receipt.consent.allowed", ReceiptStory.Level.HEADING),
            org.assertj.core.groups.Tuple.tuple("scope.account-read", ReceiptStory.Level.ITEM),
            org.assertj.core.groups.Tuple.tuple("scope.opposition-write", ReceiptStory.Level.ITEM),
            org.assertj.core.groups.Tuple.tuple("receipt.consent.until", ReceiptStory.Level.LINE));
    assertThat(story.happened().get(3).params())
        .containsEntry("time", ZonedDateTime.of(2026, 11, 29, 10, 30, 0, 0, PARIS));
    assertThat(keys(story.undo())).containsExactly("receipt.consent.stop");
    assertThat(story.actingAs().key()).isEqualTo("receipt.acting-as.CAREGIVING");
  }

  @Test
  void statementsSayWhatTheyState() {
    ReceiptStory status =
        ReceiptStory.of(
            payload("account-status", "state", "ANNOUNCED", "oppositionDeadline", "2026-12-31"),
            PARIS);
    assertThat(keys(status.happened()))
        .containsExactly("state.ANNOUNCED.name", "state.ANNOUNCED.sentence", "account.deadline");
    ReceiptStory profile =
        ReceiptStory.of(
            payload(
                "profile-statement",
                "sections",
                Map.of("blood-group", 2),
                "sha256",
                "x",
                "mediator",
                "Camille Bernard",
                "structure",
                "France Services"),
            PARIS);
    assertThat(keys(profile.happened()))
        .containsExactly("receipt.profile-statement.sections", "profile.blood-group.title");
  }

  @Test
  void aKindFromANewerServerOrAMalformedFactIsLeftOutNotThrown() {
    ReceiptStory unknown = ReceiptStory.of(payload("teleportation"), PARIS);
    assertThat(unknown.kind()).isEqualTo(ReceiptKind.UNKNOWN);
    assertThat(unknown.title().key()).isEqualTo("receipt.title.unknown");
    assertThat(unknown.happened()).isEmpty();
    ReceiptStory malformed =
        ReceiptStory.of(
            payload("record-opposition", "oppositionDeadline", "soon", "issuedAt", "yesterday"),
            PARIS);
    assertThat(malformed.undo()).isEmpty();
    assertThat(malformed.when()).isNull();
    assertThat(malformed.all()).extracting(ReceiptStory.Sentence::key).contains("receipt.for");
  }
}
