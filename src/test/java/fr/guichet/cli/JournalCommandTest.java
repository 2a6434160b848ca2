package fr.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.client.IdempotencyKey;
import fr.guichet.contract.ConsentRequest;
import fr.guichet.contract.Delegation;
import fr.guichet.contract.Identification;
import fr.guichet.contract.JournalEntry;
import fr.guichet.contract.MediatorSession;
import fr.guichet.testing.DemoSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTest {
  @TempDir Path data;
  final Shell shell = new Shell();

  @Test
  void findsEveryChainIntactThenTheEntryAnyoneAltered() {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      sandbox.open("p-jeanne", "account:read");
      assertThat(shell.run("journal", "verify", "--data", data.toString())).isZero();
      assertThat(shell.out.toString()).contains("Journal intact:", "every chain holds");

      sandbox.update(
          "UPDATE journal SET detail = 'nothing happened' WHERE chain = 'person:p-jeanne' AND seq = 2");
      assertThat(shell.run("journal", "verify", "--data", data.toString())).isEqualTo(1);
      assertThat(shell.out.toString())
          .contains("BROKEN person:p-jeanne entry 2: was altered: its fields do not give its hash");
    }
  }

  @Test
  void checksWithTheKeysGivenOrSeveralAfterARotation(@TempDir Path other) throws IOException {
    try (DemoSandbox sandbox = new DemoSandbox(data)) {
      sandbox.open("p-jeanne", "account:read");
    }
    String copy =
        java.util.Base64.getEncoder()
            .encodeToString(Files.readAllBytes(data.resolve("signing-key.pub")));
    Files.delete(data.resolve("signing-key.pub"));
    assertThat(shell.run("journal", "verify", "--data", data.toString(), "--public-key", copy))
        .as(shell.err.toString())
        .isZero();
    String anotherKey;
    try (DemoSandbox another = new DemoSandbox(other.resolve("another"))) {
      anotherKey = another.api().publicKey();
    }
    assertThat(
            shell.run("journal", "verify", "--data", data.toString(), "--public-key", anotherKey))
        .as("only a key the heads do not name")
        .isEqualTo(1);
    assertThat(
            shell.run(
                "journal",
                "verify",
                "--data",
                data.toString(),
                "--public-key",
                anotherKey,
                "--public-key",
                copy))
        .isZero();
  }

  @Test
  void saysWhenThereIsNoJournal() {
    assertThat(shell.run("journal", "verify", "--data", data.resolve("nothing").toString()))
        .isEqualTo(2);
    assertThat(shell.err.toString()).contains("No journal here");
  }

  @Test
  void saysWhenThereIsNoKeyToCheckTheSignaturesWith() throws IOException {
    new DemoSandbox(data).close();
    Files.delete(data.resolve("signing-key.pub"));
    assertThat(shell.run("journal", "verify", "--data", data.toString())).isEqualTo(2);
    assertThat(shell.err.toString()).contains("Cannot check the signatures", "--public-key");
  }

  /**
   * The seven rewrites of the journal someone with the database can make, each on a copy of a real
   * server's data directory: {@code journal verify} names the chain, the entry and what was done.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Tampering {
    Path golden;
    Path copies;
    String consentReceipt;
    String signedHead;
    long jeanneEntries;
    long consentSeq;

    /**
     * A real server's data: Jeanne identified, her consent given with a version text holding the
     * old field separator (a client may send any text), her account and journal read; then the
     * server stopped, its last checkpoint written.
     */
    @BeforeAll
    void aRealServersData(@TempDir Path tmp) throws IOException {
      golden = tmp.resolve("golden");
      copies = Files.createDirectories(tmp.resolve("copies"));
      try (DemoSandbox sandbox = new DemoSandbox(golden)) {
        MediatorSession session = sandbox.session();
        Identification who = sandbox.identify("p-jeanne");
        Delegation d =
            sandbox
                .api()
                .consent(
                    session,
                    new ConsentRequest(
                        who.identificationId(),
                        null,
                        List.of("account:read", "journal:read"),
                        30,
                        "fr",
                        "cli-v1\u001fREFUSED",
                        true,
                        true),
                    IdempotencyKey.random());
        consentReceipt = d.receipt().signed();
        sandbox.api().account(session, d);
        List<JournalEntry> read = sandbox.api().journal(session, d);
        signedHead = read.get(read.size() - 1).signedHead();
      }
      jeanneEntries = one(golden, "SELECT max(seq) FROM journal WHERE chain = 'person:p-jeanne'");
      consentSeq =
          one(
              golden,
              "SELECT seq FROM journal WHERE chain = 'person:p-jeanne' AND action = 'CONSENT'");
    }

    Path copy() throws IOException {
      Path to = Files.createTempDirectory(copies, "data-");
      try (Stream<Path> all = Files.walk(golden)) {
        for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
          Path target = to.resolve(golden.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return to;
    }

    String verify(Path dir, int exitCode, String... more) {
      shell.out.getBuffer().setLength(0);
      shell.err.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(List.of("journal", "verify", "--data", dir.toString()));
      args.addAll(List.of(more));
      assertThat(shell.run(args.toArray(String[]::new)))
          .as(shell.out.toString())
          .isEqualTo(exitCode);
      assertThat(shell.err.toString()).as("no stack trace").isEmpty();
      return shell.out.toString();
    }

    @Test
    void theUntouchedCopyHoldsWithItsCheckpointsAndReceipts() throws IOException {
      assertThat(verify(copy(), 0, "--receipt", consentReceipt, "--receipt", signedHead))
          .startsWith("Journal intact: ")
          .contains("every entry is signed by the server's key", "2 receipt(s) agree");
    }

    @Test
    void theEndOfAChainCutOff() throws Exception {
      Path dir = copy();
      sql(dir, "DELETE FROM journal WHERE chain = 'person:p-jeanne' AND seq > ?", consentSeq);
      assertThat(verify(dir, 1, "--receipt", signedHead))
          .contains(
              "BROKEN person:p-jeanne entries "
                  + (consentSeq + 1)
                  + " to "
                  + jeanneEntries
                  + ": cut off: the chain ends at entry "
                  + consentSeq
                  + ", yet checkpoint ")
          .contains("yet receipt journal-head recorded " + (jeanneEntries - 1));
    }

    @Test
    void aWholeChainDeleted() throws Exception {
      Path dir = copy();
      sql(dir, "DELETE FROM journal WHERE chain = 'person:p-jeanne'");
      assertThat(verify(dir, 1, "--receipt", consentReceipt))
          .contains(
              "BROKEN person:p-jeanne: the whole chain is gone, yet checkpoint ",
              " recorded " + jeanneEntries + " entries",
              "BROKEN person:p-jeanne: the whole chain is gone, yet receipt rcp-");
    }

    @Test
    void anEntryEditedAndEveryHashAfterItRecomputed() throws Exception {
      Path dir = copy();
      sql(
          dir,
          "UPDATE journal SET detail = 'consent to nothing' WHERE chain = 'person:p-jeanne' AND seq = ?",
          consentSeq);
      recomputeHashes(dir, "person:p-jeanne", consentSeq);
      assertThat(verify(dir, 1))
          .contains(
              "BROKEN person:p-jeanne entry "
                  + consentSeq
                  + ": its hash is not the one the server signed for it: rewritten")
          .doesNotContain("entry " + (consentSeq - 1) + ":");
    }

    @Test
    void aForgedEntryAppended() throws Exception {
      Path dir = copy();
      String last =
          text(
              dir,
              "SELECT hash FROM journal WHERE chain = 'person:p-jeanne' AND seq = ?",
              jeanneEntries);
      sql(
          dir,
          "INSERT INTO journal (chain, seq, at, actor, structure_id, consent_id, action, outcome,"
              + " detail, previous_hash, hash) VALUES ('person:p-jeanne', ?, '2026-11-29T12:00:00Z',"
              + " 'mediator:m-camille (Camille Bernard)', 'str-demo', NULL, 'CLOSED', 'OK', '', ?, 'x')",
          jeanneEntries + 1,
          last);
      recomputeHashes(dir, "person:p-jeanne", jeanneEntries + 1);
      assertThat(verify(dir, 1))
          .contains(
              "BROKEN person:p-jeanne entry "
                  + (jeanneEntries + 1)
                  + ": carries no signature of the server");
    }

    @Test
    void textShiftedAcrossTheOldFieldSeparator() throws Exception {
      Path dir = copy();
      // What passed before: the consent's version text holds U+001F, so moving the boundary
      // between outcome and detail onto it kept the old hash.
      String detail =
          text(
              dir,
              "SELECT detail FROM journal WHERE chain = 'person:p-jeanne' AND seq = ?",
              consentSeq);
      int cut = detail.indexOf('\u001f');
      assertThat(cut).isPositive();
      sql(
          dir,
          "UPDATE journal SET outcome = ?, detail = ? WHERE chain = 'person:p-jeanne' AND seq = ?",
          "OK\u001f" + detail.substring(0, cut),
          detail.substring(cut + 1),
          consentSeq);
      assertThat(verify(dir, 1))
          .contains(
              "BROKEN person:p-jeanne entry "
                  + consentSeq
                  + ": was altered: its fields do not give its hash");
    }

    @Test
    void aDateNoOneCanRead() throws Exception {
      Path dir = copy();
      sql(
          dir,
          "UPDATE journal SET at = '29/11/2026 10:00' WHERE chain = 'person:p-jeanne' AND seq = ?",
          consentSeq);
      assertThat(verify(dir, 1))
          .contains(
              "BROKEN person:p-jeanne entry "
                  + consentSeq
                  + ": its time '29/11/2026 10:00' is not a time");
    }

    @Test
    void anEmptyField() throws Exception {
      Path dir = copy();
      sql(dir, "CREATE TABLE journal_copy AS SELECT * FROM journal");
      sql(dir, "DROP TABLE journal");
      sql(dir, "ALTER TABLE journal_copy RENAME TO journal");
      sql(
          dir,
          "UPDATE journal SET action = NULL WHERE chain = 'person:p-jeanne' AND seq = ?",
          consentSeq);
      assertThat(verify(dir, 1))
          .contains("BROKEN person:p-jeanne entry " + consentSeq + ": its action is empty (null)");
    }

    @Test
    void aChainCutOffWithItsCheckpointsDeletedShowsAgainstTheCopyKeptElsewhere() throws Exception {
      Path dir = copy();
      Path keptElsewhere = Files.createTempDirectory(copies, "kept-");
      try (Stream<Path> files = Files.list(dir.resolve("checkpoints"))) {
        for (Path f : files.toList()) {
          Files.copy(f, keptElsewhere.resolve(f.getFileName()));
        }
      }
      sql(dir, "DELETE FROM journal WHERE chain = 'person:p-jeanne' AND seq > ?", consentSeq);
      try (Stream<Path> files = Files.list(dir.resolve("checkpoints"))) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      assertThat(verify(dir, 0)).contains("No checkpoint was given");
      assertThat(verify(dir, 1, "--checkpoints", keptElsewhere.toString()))
          .contains("BROKEN person:p-jeanne entries " + (consentSeq + 1) + " to ");
    }
  }

  static String url(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("guichet.db");
  }

  static void sql(Path dir, String sql, Object... params) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(dir));
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  static String text(Path dir, String sql, Object... params) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(dir));
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  static long one(Path dir, String sql) {
    try {
      return Long.parseLong(text(dir, sql));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Recomputes every hash of a chain from entry {@code from} on, with the canonical encoding the
   * server uses (length-prefixed fields): what someone who read the code and holds the database can
   * do. Only the signatures they cannot make.
   */
  static void recomputeHashes(Path dir, String chain, long from) throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir))) {
      String previous;
      try (PreparedStatement s =
          c.prepareStatement("SELECT hash FROM journal WHERE chain = ? AND seq = ?")) {
        s.setString(1, chain);
        s.setLong(2, from - 1);
        try (ResultSet r = s.executeQuery()) {
          previous = r.next() ? r.getString(1) : "0".repeat(64);
        }
      }
      List<String[]> rows = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT seq, at, actor, structure_id, consent_id, action, outcome, detail FROM journal"
                  + " WHERE chain = ? AND seq >= ? ORDER BY seq")) {
        s.setString(1, chain);
        s.setLong(2, from);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String[] row = new String[8];
            for (int i = 0; i < 8; i++) {
              row[i] = r.getString(i + 1);
            }
            rows.add(row);
          }
        }
      }
      for (String[] row : rows) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("guichet-journal-v2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String[] fields = {
          chain, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], previous
        };
        for (String f : fields) {
          byte[] b = f == null ? new byte[0] : f.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          bytes.writeBytes(
              java.nio.ByteBuffer.allocate(4).putInt(f == null ? -1 : b.length).array());
          bytes.writeBytes(b);
        }
        String hash =
            HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE journal SET previous_hash = ?, hash = ? WHERE chain = ? AND seq = ?")) {
          s.setString(1, previous);
          s.setString(2, hash);
          s.setString(3, chain);
          s.setLong(4, Long.parseLong(row[0]));
          s.executeUpdate();
        }
        previous = hash;
      }
    }
  }
}
