package fr.guichet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
  void readyWhileTheDatabaseHasTheSchemaItWasMigratedTo() {
    assertThat(db.readiness()).isEqualTo(new Database.Readiness(true, true));
    db.tx(c -> Database.update(c, "DELETE FROM flyway_schema_history"));
    assertThat(db.readiness()).isEqualTo(new Database.Readiness(true, false));
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

  /** PostgreSQL, shared by server nodes: races between transactions are retried, never errors. */
  @Nested
  class OnPostgres {
    String url;
    Database pg;

    @BeforeEach
    void open() {
      String base = System.getProperty("guichet.test.jdbc");
      assumeTrue(base != null && !base.isBlank(), "guichet.test.jdbc names no PostgreSQL");
      url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      pg = Database.open(url, 4, Duration.ofSeconds(1));
      pg.tx(c -> Database.update(c, INSERT, "counter", 0));
    }

    final String schema = "t_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void drop() throws SQLException {
      if (pg != null) {
        pg.close();
        try (Connection c = DriverManager.getConnection(url);
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }

    @Test
    void concurrentReadThenWriteOfOneRowAllLand() throws Exception {
      int threads = 4;
      int each = 25;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    pg.tx(
                        c -> {
                          long n = counter(c);
                          return Database.update(
                              c,
                              "UPDATE throttle SET failures = ? WHERE subject = 'counter'",
                              n + 1);
                        });
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(pg.<Long>tx(OnPostgres::counter)).isEqualTo(threads * each);
    }

    @Test
    void aLockHeldPastTheRetryBudgetIsRefused503WithRetryAfter() throws SQLException {
      try (Connection holder = DriverManager.getConnection(url)) {
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
          s.execute("SELECT failures FROM throttle WHERE subject = 'counter' FOR UPDATE");
        }
        assertThatThrownBy(
                () ->
                    pg.tx(
                        c ->
                            Database.update(
                                c, "UPDATE throttle SET failures = 7 WHERE subject = 'counter'")))
            .isInstanceOfSatisfying(
                ProblemException.class,
                e -> {
                  assertThat(e.status()).isEqualTo(503);
                  assertThat(e.slug()).isEqualTo("unavailable");
                  assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        holder.rollback();
      }
      pg.tx(c -> Database.update(c, "UPDATE throttle SET failures = 7 WHERE subject = 'counter'"));
      assertThat(pg.<Long>tx(OnPostgres::counter)).isEqualTo(7);
      assertThat(pg.readiness().migrated()).isTrue();
    }

    @Test
    void aQueuedTransactionStartsAfterTheOneBeforeItCommittedAndRunsOnce() throws Exception {
      try (Database otherNode = Database.open(url, 2, Duration.ofSeconds(5))) {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> first =
            pool.submit(
                () ->
                    pg.tx(
                        "person:p-jeanne",
                        c -> {
                          long n = counter(c);
                          holding.countDown();
                          awaitUninterruptibly(release);
                          return Database.update(
                              c,
                              "UPDATE throttle SET failures = ? WHERE subject = 'counter'",
                              n + 1);
                        }));
        holding.await();
        Future<Long> second =
            pool.submit(
                () ->
                    otherNode.tx(
                        "person:p-jeanne",
                        c -> {
                          runs.incrementAndGet();
                          long n = counter(c);
                          Database.update(
                              c,
                              "UPDATE throttle SET failures = ? WHERE subject = 'counter'",
                              n + 1);
                          return n;
                        }));
        for (int i = 0; waitingForALock() == 0; i++) {
          assertThat(i).as("the second waits for the first, within 30 s").isLessThan(6000);
          Thread.sleep(5);
        }
        assertThat(runs).as("queued, not begun").hasValue(0);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThat(second.get(30, TimeUnit.SECONDS)).as("saw the first one's write").isEqualTo(1);
        assertThat(runs).as("ran once, never against the first").hasValue(1);
        pool.shutdown();
      }
      assertThat(pg.<Long>tx(OnPostgres::counter)).isEqualTo(2);
      assertThat(pg.tx("person:p-jeanne", OnPostgres::counter))
          .as("the queue was left")
          .isEqualTo(2);
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    long waitingForALock() throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement();
          var r =
              s.executeQuery(
                  "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
        r.next();
        return r.getLong(1);
      }
    }

    static long counter(Connection c) throws SQLException {
      return Database.one(
              c, "SELECT failures FROM throttle WHERE subject = 'counter'", r -> r.getLong(1))
          .orElseThrow();
    }
  }
}
