package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  static final String INSERT =
      "INSERT INTO throttle (subject, failures, window_start) VALUES (?, ?, '2026-11-29T09:00:00Z')";
  static final String SELECT =
      "SELECT subject, failures FROM throttle WHERE failures >= ? ORDER BY subject";

  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("d.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aStatementRunAgainGetsItsNewParameters() {
    db.tx(
        c -> {
          for (int i = 1; i <= 3; i++) {
            Database.update(c, INSERT, "s" + i, i);
          }
          return null;
        });
    assertThat(db.<List<String>>tx(c -> Database.query(c, SELECT, r -> r.getString(1), 2)))
        .containsExactly("s2", "s3");
    assertThat(db.<List<String>>tx(c -> Database.query(c, SELECT, r -> r.getString(1), 3)))
        .containsExactly("s3");
  }

  @Test
  void theSameQueryInsideItsOwnRowsReadsItsOwnRows() {
    db.tx(
        c -> {
          Database.update(c, INSERT, "a", 1);
          Database.update(c, INSERT, "b", 2);
          return null;
        });
    List<String> pairs =
        db.tx(
            c ->
                Database.query(
                    c,
                    SELECT,
                    outer ->
                        outer.getString(1)
                            + "/"
                            + String.join(
                                "+",
                                Database.query(
                                    c, SELECT, inner -> inner.getString(1), outer.getInt(2))),
                    1));
    assertThat(pairs).containsExactly("a/a+b", "b/b");
  }

  @Test
  void aStatementThatFailedDoesNotSpoilTheNextOnes() {
    db.tx(c -> Database.update(c, INSERT, "a", 1));
    assertThatThrownBy(() -> db.tx(c -> Database.update(c, INSERT, "a", 1)))
        .hasMessageContaining("Database error");
    db.tx(c -> Database.update(c, INSERT, "b", 2));
    assertThat(db.<List<String>>tx(c -> Database.query(c, SELECT, r -> r.getString(1), 0)))
        .containsExactly("a", "b");
  }
}
