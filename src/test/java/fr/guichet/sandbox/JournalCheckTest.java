package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.JournalEntry;
import fr.guichet.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the database alone can change the journal, named by the entry it touched: a field
 * edited, an entry edited and every hash after it recomputed, an entry added, one removed, an
 * unreadable time or number, an empty field; and, against a checkpoint or a receipt, a chain cut
 * short, dropped, or rewritten.
 */
class JournalCheckTest {
  @TempDir Path dir;
  Database db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  Signer signer;
  Journal journal;
  JournalCheck check;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("j.db"));
    signer = Signer.inDirectory(dir);
    journal = new Journal(clock, signer);
    check = new JournalCheck(Statements.forKey(Signer.publicKeyIn(dir)));
    JournalTest.twoChains(
        db,
        journal,
        clock,
        5,
        i ->
            new Journal.Line("mediator:m", "str", "cns", "CONSENT", "OK", "text v" + i + " in fr"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  void sql(String sql, Object... params) {
    db.tx(c -> Database.update(c, sql, params));
  }

  List<String> findings() {
    return db.tx(c -> check.chains(c)).stream().map(JournalCheck.Finding::toString).toList();
  }

  @Test
  void anUntouchedJournalHolds() {
    assertThat(findings()).isEmpty();
  }

  @Test
  void aFieldEdited() {
    sql("UPDATE journal SET outcome = 'REFUSED' WHERE chain = 'person:a' AND seq = 2");
    assertThat(findings())
        .containsExactly(
            "person:a entry 2: was altered: its fields do not give its hash (fields edited)");
  }

  /**
   * Edits entry {@code from} and recomputes every hash after it, as someone with the database can.
   */
  void editAndRecompute(Connection c, long from) throws SQLException {
    Database.update(
        c,
        "UPDATE journal SET detail = 'nothing was agreed' WHERE chain = 'person:a' AND seq = ?",
        from);
    String previous =
        from == 1 ? Journal.GENESIS : Journal.rows(c, "person:a").get((int) from - 2).hash();
    for (Journal.Row r : Journal.rows(c, "person:a")) {
      long seq = Long.parseLong(r.seq());
      if (seq < from) {
        continue;
      }
      String hash = Journal.hash("person:a", seq, r, previous);
      Database.update(
          c,
          "UPDATE journal SET previous_hash = ?, hash = ? WHERE chain = 'person:a' AND seq = ?",
          previous,
          hash,
          seq);
      previous = hash;
    }
  }

  @Test
  void anEntryEditedAndEveryHashAfterItRecomputed() {
    db.tx(
        c -> {
          editAndRecompute(c, 3);
          return null;
        });
    String rewritten =
        ": its hash is not the one the server signed for it: rewritten, its hashes recomputed";
    assertThat(findings())
        .containsExactly(
            "person:a entry 3" + rewritten,
            "person:a entry 4" + rewritten,
            "person:a entry 5" + rewritten);
  }

  void appendForged(String signedHead) {
    db.tx(
        c -> {
          Journal.Head head = journal.head(c, "person:a");
          String at = "2026-11-29T10:00:00Z";
          String hash =
              Journal.hash(
                  "person:a", 6, at, "mediator:m", "str", "cns", "CLOSED", "OK", "", head.hash());
          return Database.update(
              c,
              "INSERT INTO journal (chain, seq, at, actor, structure_id, consent_id, action,"
                  + " outcome, detail, previous_hash, hash, signed_head)"
                  + " VALUES ('person:a', 6, ?, 'mediator:m', 'str', 'cns', 'CLOSED', 'OK', '', ?, ?, ?)",
              at,
              head.hash(),
              hash,
              signedHead);
        });
  }

  @Test
  void anEntryAddedWithoutASignature() {
    appendForged(null);
    assertThat(findings())
        .containsExactly(
            "person:a entry 6: carries no signature of the server: added or rewritten outside it");
  }

  @Test
  void anEntryAddedWithTheSignatureOfAnother() {
    String fifth = db.tx(c -> journal.read(c, "person:a")).get(4).signedHead();
    appendForged(fifth);
    assertThat(findings())
        .containsExactly(
            "person:a entry 6: its hash is not the one the server signed for it: rewritten, its"
                + " hashes recomputed");
  }

  @Test
  void anEntryAddedWithASignatureOfAnotherKey() throws Exception {
    Path elsewhere = Files.createDirectory(dir.resolve("other"));
    String forged =
        Signer.inDirectory(elsewhere)
            .sign(
                "{\"v\":1,\"kind\":\"journal-head\",\"journalChain\":\"person:a\",\"journalSeq\":6}");
    appendForged(forged);
    assertThat(findings())
        .containsExactly("person:a entry 6: its signature is not the server's: forged");
  }

  @Test
  void anEntryRemovedFromTheMiddle() {
    sql("DELETE FROM journal WHERE chain = 'person:a' AND seq = 3");
    assertThat(findings()).containsExactly("person:a entry 4: entry 3 is missing before it");
  }

  @Test
  void anUnreadableTimeIsNamedNotThrown() {
    sql("UPDATE journal SET at = 'yesterday' WHERE chain = 'person:a' AND seq = 2");
    assertThat(findings()).containsExactly("person:a entry 2: its time 'yesterday' is not a time");
  }

  @Test
  void anUnreadableNumberIsNamedByItsPlace() {
    sql("UPDATE journal SET seq = 'two' WHERE chain = 'person:a' AND seq = 2");
    assertThat(findings())
        .containsExactly(
            "person:a entry 3: entry 2 is missing before it",
            "person:a entry at position 5: its number 'two' is not a number");
  }

  @Test
  void anEmptyFieldIsNamedNotThrown() {
    db.tx(
        c -> {
          // A table rebuilt without its constraints, as someone with the database can.
          Database.update(c, "CREATE TABLE journal_copy AS SELECT * FROM journal");
          Database.update(c, "DROP TABLE journal");
          Database.update(c, "ALTER TABLE journal_copy RENAME TO journal");
          return Database.update(
              c, "UPDATE journal SET actor = NULL WHERE chain = 'person:a' AND seq = 4");
        });
    assertThat(findings()).containsExactly("person:a entry 4: its actor is empty (null)");
  }

  Checkpoints.Stream checkpointOfNow() {
    Checkpoints checkpoints = Checkpoints.in(dir, signer, clock);
    checkpoints.write(db, journal);
    return Checkpoints.read(checkpoints.file(), Statements.forKey(Signer.publicKeyIn(dir)));
  }

  List<String> againstCheckpoint(Checkpoints.Stream stream) {
    return db.tx(c -> check.checkpoints(c, List.of(stream))).stream()
        .map(JournalCheck.Finding::toString)
        .toList();
  }

  @Test
  void theEndOfAChainCutOffShowsAgainstACheckpoint() {
    Checkpoints.Stream stream = checkpointOfNow();
    assertThat(againstCheckpoint(stream)).isEmpty();
    sql("DELETE FROM journal WHERE chain = 'person:a' AND seq > 3");
    assertThat(findings()).isEmpty();
    assertThat(againstCheckpoint(stream))
        .singleElement()
        .asString()
        .startsWith(
            "person:a entries 4 to 5: cut off: the chain ends at entry 3, yet checkpoint 1 of ")
        .endsWith(".jsonl recorded 5");
  }

  @Test
  void aWholeChainDroppedShowsAgainstACheckpoint() {
    Checkpoints.Stream stream = checkpointOfNow();
    sql("DELETE FROM journal WHERE chain = 'person:b'");
    assertThat(findings()).isEmpty();
    assertThat(againstCheckpoint(stream))
        .singleElement()
        .asString()
        .startsWith("person:b: the whole chain is gone, yet checkpoint 1 of ")
        .endsWith(" recorded 1 entries");
  }

  @Test
  void aChainRewrittenWithTheServersOwnKeyStillShowsAgainstACheckpointKeptElsewhere() {
    Checkpoints.Stream stream = checkpointOfNow();
    db.tx(
        c -> {
          editAndRecompute(c, 2);
          // Whoever holds the key too re-signs every head: only the checkpoint still knows.
          for (Journal.Row r : Journal.rows(c, "person:a")) {
            Database.update(
                c,
                "UPDATE journal SET signed_head = ? WHERE chain = 'person:a' AND seq = ?",
                signer.sign(
                    "{\"v\":1,\"kind\":\"journal-head\",\"journalChain\":\"person:a\",\"journalSeq\":"
                        + r.seq()
                        + ",\"journalHead\":\""
                        + r.hash()
                        + "\",\"at\":\""
                        + r.at()
                        + "\"}"),
                Long.parseLong(r.seq()));
          }
          return null;
        });
    assertThat(findings()).isEmpty();
    assertThat(againstCheckpoint(stream))
        .singleElement()
        .asString()
        .startsWith("person:a entry 5: is not the entry checkpoint 1 of ")
        .endsWith(": rewritten");
  }

  Optional<JournalCheck.Finding> receipt(String signed) {
    return db.tx(c -> check.receipt(c, signed));
  }

  @Test
  void aSignedHeadKeptByThePersonShowsTheEntriesCutOffAfterIt() {
    JournalEntry third = db.tx(c -> journal.read(c, "person:a")).get(2);
    assertThat(receipt(third.signedHead())).isEmpty();
    sql("DELETE FROM journal WHERE chain = 'person:a' AND seq >= 3");
    assertThat(receipt(third.signedHead()).map(JournalCheck.Finding::toString))
        .hasValue(
            "person:a entry 3: cut off: the chain ends at entry 2, yet receipt journal-head"
                + " recorded 3");
    assertThat(receipt("not.signed").map(JournalCheck.Finding::what))
        .hasValue("is not signed with the server's key");
  }
}
