package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import fr.guichet.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's chains: each entry linked to the one before by a canonical hash, each head signed
 * by the server at append; the chains written before signing, brought to the new encoding.
 */
class JournalTest {
  @TempDir Path dir;
  Database db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  Journal journal;
  Statements statements;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("j.db"));
    Signer signer = Signer.inDirectory(dir);
    journal = new Journal(clock, signer);
    statements = Statements.forKey(Signer.publicKeyIn(dir));
    twoChains(
        db,
        journal,
        clock,
        3,
        i -> new Journal.Line("mediator:m", "str", "cns", "ACTION_" + i, "OK", "detail " + i));
  }

  /**
   * Appends {@code entries} lines to the chain {@code person:a}, one second apart, then one line to
   * {@code person:b}: two chains to check, change and compare.
   */
  static void twoChains(
      Database db,
      Journal journal,
      MutableClock clock,
      int entries,
      IntFunction<Journal.Line> line) {
    db.tx(
        c -> {
          for (int i = 1; i <= entries; i++) {
            journal.append(c, "person:a", line.apply(i));
            clock.advance(Duration.ofSeconds(1));
          }
          return journal.append(
              c, "person:b", new Journal.Line("mediator:m", null, null, "ONLY", "OK", ""));
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  List<JournalCheck.Finding> findings() {
    return db.tx(c -> new JournalCheck(statements).chains(c));
  }

  @Test
  void chainsEachEntryToThePreviousOneAndSignsEachHeadAsAReceipt() {
    List<JournalEntry> entries = db.tx(c -> journal.read(c, "person:a"));
    assertThat(entries).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(entries.get(0).previousHash()).isEqualTo(Journal.GENESIS);
    assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
    assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
    for (JournalEntry e : entries) {
      JsonNode head = statements.payload(e.signedHead()).orElseThrow();
      assertThat(head.path("kind").asText()).isEqualTo("journal-head");
      assertThat(head.path("journalChain").asText()).isEqualTo("person:a");
      assertThat(head.path("journalSeq").asLong()).isEqualTo(e.seq());
      assertThat(head.path("journalHead").asText()).isEqualTo(e.hash());
      ReceiptCheck asReceipt =
          ReceiptVerifier.forKey(Signer.publicKeyIn(dir)).check(e.signedHead());
      assertThat(asReceipt.valid()).isTrue();
    }
    Journal.Head a = db.tx(c -> journal.head(c, "person:a"));
    assertThat(a).isEqualTo(new Journal.Head("person:a", 3, entries.get(2).hash()));
    Journal.Head none = db.tx(c -> journal.head(c, "person:none"));
    assertThat(none).isEqualTo(new Journal.Head("person:none", 0, Journal.GENESIS));
    assertThat(findings()).isEmpty();
  }

  @Test
  void textMovedAcrossTwoFieldsChangesTheHashWhereTheOldSeparatorHidIt() {
    String at = "2026-11-29T09:00:00Z";
    String before =
        Journal.hash("person:a", 1, at, "m", null, null, "CONSENT", "OK", "x\u001fy", "0");
    String shifted =
        Journal.hash("person:a", 1, at, "m", null, null, "CONSENT", "OK\u001fx", "y", "0");
    assertThat(shifted).isNotEqualTo(before);
    assertThat(Journal.hash("person:a", 1, at, "m", "null", null, "A", "OK", "", "0"))
        .isNotEqualTo(Journal.hash("person:a", 1, at, "m", null, null, "A", "OK", "", "0"));
    Journal.Row old =
        new Journal.Row("1", at, "m", null, null, "CONSENT", "OK", "x\u001fy", "0", "", null);
    Journal.Row oldShifted =
        new Journal.Row("1", at, "m", null, null, "CONSENT", "OK\u001fx", "y", "0", "", null);
    assertThat(Journal.legacyHash("person:a", oldShifted))
        .isEqualTo(Journal.legacyHash("person:a", old));
  }

  @Test
  void remembersTheChainsItAppendedToUntilAsked() {
    assertThat(journal.touchedSinceLastAsked()).containsExactlyInAnyOrder("person:a", "person:b");
    assertThat(journal.touchedSinceLastAsked()).isEmpty();
  }

  /** Writes a chain as a server did before entries were signed. */
  static void writeTheOldWay(Connection c, String chain, int entries, boolean breakTheLast)
      throws SQLException {
    String previous = Journal.GENESIS;
    for (int seq = 1; seq <= entries; seq++) {
      Journal.Row r =
          new Journal.Row(
              Long.toString(seq),
              "2026-01-0" + seq + "T10:00:00Z",
              "mediator:m-camille (Camille Bernard)",
              "str-demo",
              seq == 1 ? null : "cns-1",
              "ACCOUNT_READ",
              "OK",
              "old entry " + seq,
              previous,
              null,
              null);
      String hash = Journal.legacyHash(chain, r);
      Database.update(
          c,
          "INSERT INTO journal (chain, seq, at, actor, structure_id, consent_id, action, outcome,"
              + " detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          chain,
          seq,
          r.at(),
          r.actor(),
          r.structure(),
          r.consentId(),
          r.action(),
          r.outcome(),
          breakTheLast && seq == entries ? "changed afterwards" : r.detail(),
          previous,
          hash);
      previous = hash;
    }
  }

  @Test
  void chainsWrittenBeforeSigningAreReEncodedAndSignedIfTheyHeldAndLeftAsTheyAreIfNot() {
    db.tx(
        c -> {
          writeTheOldWay(c, "person:old", 3, false);
          writeTheOldWay(c, "person:broken", 2, true);
          return null;
        });
    journal.touchedSinceLastAsked();
    List<String> before =
        db.tx(c -> journal.read(c, "person:a")).stream().map(JournalEntry::hash).toList();

    assertThat(db.tx(journal::upgrade)).isEqualTo(1);

    assertThat(findings())
        .extracting(JournalCheck.Finding::toString)
        .containsExactly(
            "person:broken entry 1: is in the old encoding, unsigned: its chain did not hold when"
                + " the server began signing entries",
            "person:broken entry 2: was altered: its fields do not give its hash (fields edited)");
    List<JournalEntry> old = db.tx(c -> journal.read(c, "person:old"));
    assertThat(old)
        .extracting(JournalEntry::detail)
        .containsExactly("old entry 1", "old entry 2", "old entry 3");
    assertThat(old).allSatisfy(e -> assertThat(e.signedHead()).isNotNull());
    assertThat(db.tx(c -> journal.read(c, "person:a")).stream().map(JournalEntry::hash).toList())
        .isEqualTo(before);
    assertThat(journal.touchedSinceLastAsked()).containsExactly("person:old");
    assertThat(db.tx(journal::upgrade)).isZero();
  }
}
