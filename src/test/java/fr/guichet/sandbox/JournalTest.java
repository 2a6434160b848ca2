package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.JournalEntry;
import fr.guichet.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;
  Database db;
  MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  Journal journal = new Journal(clock);

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("j.db"));
    db.tx(
        c -> {
          for (int i = 1; i <= 3; i++) {
            journal.append(
                c,
                "person:a",
                new Journal.Line("mediator:m", "str", "cns", "ACTION_" + i, "OK", "detail " + i));
            clock.advance(Duration.ofSeconds(1));
          }
          journal.append(
              c, "person:b", new Journal.Line("mediator:m", null, null, "ONLY", "OK", ""));
          return null;
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  List<Journal.Break> breaks() {
    return db.tx(c -> journal.verify(c));
  }

  @Test
  void chainsEachEntryToThePreviousOne() {
    List<JournalEntry> entries = db.<List<JournalEntry>>tx(c -> journal.read(c, "person:a"));
    assertThat(entries).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(entries.get(0).previousHash()).isEqualTo(Journal.GENESIS);
    assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
    assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
    assertThat(breaks()).isEmpty();
  }

  @Test
  void findsAnAlteredEntry() {
    db.tx(
        c ->
            Database.update(
                c, "UPDATE journal SET outcome = 'REFUSED' WHERE chain = 'person:a' AND seq = 2"));
    assertThat(breaks())
        .extracting(Journal.Break::seq, Journal.Break::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "was altered after it was written"));
  }

  @Test
  void findsARemovedEntry() {
    db.tx(c -> Database.update(c, "DELETE FROM journal WHERE chain = 'person:a' AND seq = 2"));
    assertThat(breaks()).extracting(Journal.Break::seq).containsExactly(3L);
  }

  @Test
  void findsReorderedEntriesEvenWithTheirHashesRecomputedByHand() {
    db.tx(
        c -> {
          Database.update(c, "UPDATE journal SET seq = 99 WHERE chain = 'person:a' AND seq = 1");
          Database.update(c, "UPDATE journal SET seq = 1 WHERE chain = 'person:a' AND seq = 2");
          return Database.update(
              c, "UPDATE journal SET seq = 2 WHERE chain = 'person:a' AND seq = 99");
        });
    assertThat(breaks()).isNotEmpty();
  }

  @Test
  void keepsChainsApart() {
    List<JournalEntry> b = db.tx(c -> journal.read(c, "person:b"));
    assertThat(b)
        .singleElement()
        .satisfies(e -> assertThat(e.previousHash()).isEqualTo(Journal.GENESIS));
  }
}
