package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.contract.ReceiptCheck;
import fr.guichet.contract.ReceiptVerifier;
import fr.guichet.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint stream: a signed line when a chain moved, each following the one before and carrying
 * the Merkle root of every head recorded; read back, any line edited, removed, moved or forged is
 * named.
 */
class CheckpointsTest {
  @TempDir Path dir;
  Database db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  Signer signer;
  Journal journal;
  Checkpoints checkpoints;
  Statements statements;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("j.db"));
    signer = Signer.inDirectory(dir);
    statements = Statements.forKey(Signer.publicKeyIn(dir));
    journal = new Journal(clock, signer);
    checkpoints = Checkpoints.in(dir, signer, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  void append(String chain) {
    db.tx(c -> journal.append(c, chain, new Journal.Line("m", null, null, "A", "OK", "")));
  }

  String headOf(String chain) {
    return db.tx(c -> journal.head(c, chain)).hash();
  }

  List<String> lines() throws IOException {
    return Files.readAllLines(checkpoints.file(), StandardCharsets.US_ASCII);
  }

  /** Three lines: a and b, then a again, then c. */
  void threeLines() {
    append("person:a");
    append("person:b");
    checkpoints.write(db, journal);
    checkpoints.write(db, journal); // nothing moved: no line
    append("person:a");
    checkpoints.write(db, journal);
    append("person:c");
    checkpoints.write(db, journal);
  }

  @Test
  void writesASignedLineWhenAChainMovedInTheDataDirectory() throws IOException {
    threeLines();
    assertThat(checkpoints.file().getParent()).isEqualTo(dir.resolve("checkpoints"));
    assertThat(lines()).hasSize(3);
    ReceiptCheck asReceipt = ReceiptVerifier.forKey(Signer.publicKeyIn(dir)).check(lines().get(1));
    assertThat(asReceipt.valid()).isTrue();
    assertThat(asReceipt.payload())
        .containsEntry("kind", "journal-checkpoint")
        .containsEntry("n", 2)
        .containsEntry("chains", 2)
        .containsKey("root");
    assertThat(asReceipt.payload().get("heads"))
        .isEqualTo(Map.of("person:a", List.of(2, headOf("person:a"))));

    Checkpoints.Stream read = Checkpoints.read(checkpoints.file(), statements);
    assertThat(read.problems()).isEmpty();
    assertThat(read.lines()).isEqualTo(3);
    assertThat(read.heads()).containsOnlyKeys("person:a", "person:b", "person:c");
    assertThat(read.heads().get("person:a").head().seq()).isEqualTo(2);
    assertThat(read.heads().get("person:a").line()).isEqualTo(2);
  }

  List<String> problemsAfter(List<String> lines) throws IOException {
    Files.write(checkpoints.file(), lines, StandardCharsets.US_ASCII);
    return Checkpoints.read(checkpoints.file(), statements).problems();
  }

  @Test
  void aLineRemovedMovedEditedOrForgedIsNamed() throws IOException {
    threeLines();
    List<String> original = lines();

    List<String> removed = new ArrayList<>(original);
    removed.remove(1);
    assertThat(problemsAfter(removed))
        .containsExactly(
            "line 2 is checkpoint 3, expected 2: a line is missing or out of order",
            "line 2: its root is not that of the heads recorded up to it");

    List<String> edited = new ArrayList<>(original);
    edited.set(1, edited.get(1).replace('A', 'B'));
    assertThat(problemsAfter(edited))
        .contains("line 2 is not a checkpoint signed with the server's key");

    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    List<String> forged = new ArrayList<>(original);
    forged.add(Signer.inDirectory(elsewhere).sign("{\"kind\":\"journal-checkpoint\",\"n\":4}"));
    assertThat(problemsAfter(forged))
        .containsExactly("line 4 is not a checkpoint signed with the server's key");

    assertThat(problemsAfter(original)).isEmpty();
  }

  @Test
  void theRootCoversEveryHeadWhateverTheOrder() {
    Journal.Head a = new Journal.Head("person:a", 3, "aa");
    Journal.Head b = new Journal.Head("person:b", 1, "bb");
    Journal.Head c = new Journal.Head("person:c", 7, "cc");
    assertThat(Checkpoints.root(List.of(a, b, c))).isEqualTo(Checkpoints.root(List.of(c, a, b)));
    assertThat(Checkpoints.root(List.of(a, b, c)))
        .isNotEqualTo(Checkpoints.root(List.of(a, b, new Journal.Head("person:c", 7, "cd"))))
        .isNotEqualTo(Checkpoints.root(List.of(a, b, new Journal.Head("person:c", 6, "cc"))))
        .isNotEqualTo(Checkpoints.root(List.of(a, b)))
        .matches("[0-9a-f]{64}");
    assertThat(Checkpoints.root(List.of())).isEqualTo(Journal.GENESIS);
  }

  @Test
  void aChainThatWentBackIsNotRecordedAgain() throws IOException {
    append("person:a");
    append("person:a");
    checkpoints.write(db, journal);
    db.tx(c -> Database.update(c, "DELETE FROM journal WHERE seq = 2"));
    journal.touchedSinceLastAsked();
    append("person:b");
    db.tx(c -> Database.update(c, "DELETE FROM journal WHERE chain = 'person:a'"));
    checkpoints.write(db, journal);
    Checkpoints.Stream read = Checkpoints.read(checkpoints.file(), statements);
    assertThat(read.heads().get("person:a").head().seq()).isEqualTo(2);
    assertThat(read.heads()).containsKey("person:b");
  }
}
