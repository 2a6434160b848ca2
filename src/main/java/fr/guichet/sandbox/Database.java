package fr.guichet.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * The reference server's storage, migrated by Flyway at start: an SQLite file by default, or
 * PostgreSQL by URL, shared by every server node.
 *
 * <p>SQLite allows one writer: one connection, one transaction at a time under a lock, its
 * statements prepared once and reused (preparing was a third of SQLite's time under load).
 * PostgreSQL gets a pool of connections (HikariCP) and serializable transactions, so that several
 * nodes may write at once; a transaction that lost a race with another is retried after a random,
 * growing pause, within a time budget, after which the request is answered 503 with {@code
 * Retry-After}: a lost race never becomes a server error. Each transaction is short (no network
 * inside, no signing: see {@link Receipts}).
 *
 * <pre>{@code
 * try (Database db = Database.open("jdbc:sqlite:/tmp/guichet.db")) {
 *   int n = db.tx(c -> Database.query(c, "SELECT count(*) FROM person", r -> r.getInt(1)).get(0));
 * }
 * }</pre>
 */
final class Database implements AutoCloseable {
  /** Work done inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** How many PostgreSQL connections a node keeps, unless told otherwise. */
  static final int POOL_SIZE = 8;

  /** The slug of the 503 a request gets when the database did nothing for it. */
  static final String UNAVAILABLE = "unavailable";

  /** How long a transaction may be retried before the request is answered 503. */
  static final Duration RETRY_BUDGET = Duration.ofSeconds(5);

  /**
   * How long a PostgreSQL statement waits for a lock another transaction holds (a row, an
   * idempotency key being claimed) before it fails: a node never holds a request thread longer.
   */
  static final Duration LOCK_WAIT = Duration.ofSeconds(2);

  private static final Pattern SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");
  private static final Duration FIRST_PAUSE = Duration.ofMillis(4);
  private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

  /**
   * The prepared statements of each open SQLite connection, by SQL text; used under its lock only.
   * PostgreSQL's driver keeps its own per physical connection, which a pool hands out to any
   * thread.
   */
  private static final Map<Connection, Map<String, PreparedStatement>> PREPARED =
      new ConcurrentHashMap<>();

  /** The one SQLite connection, or null on PostgreSQL. */
  private final Connection sqlite;

  /** The PostgreSQL connections, or null on SQLite. */
  private final HikariDataSource pool;

  private final Duration retryBudget;

  /** The last migration applied at start: the schema a ready database has. */
  private final String migration;

  // Not fair: under load a fair lock costs a hand-over per request (scripts/bench measured 8,840
  // waits in 25 s).
  private final ReentrantLock lock = new ReentrantLock();

  private Database(
      Connection sqlite, HikariDataSource pool, Duration retryBudget, String migration) {
    this.sqlite = sqlite;
    this.pool = pool;
    this.retryBudget = retryBudget;
    this.migration = migration;
  }

  /** Opens a database for a tool (journal checks, tests): two connections on PostgreSQL. */
  static Database open(String jdbcUrl) {
    return open(jdbcUrl, 2, RETRY_BUDGET);
  }

  /**
   * Opens and migrates a database: {@code jdbc:sqlite:FILE}, or {@code jdbc:postgresql://...} (a
   * {@code currentSchema} parameter names a schema, created if needed) with {@code poolSize}
   * connections.
   */
  static Database open(String jdbcUrl, int poolSize, Duration retryBudget) {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    var flyway =
        Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration");
    Matcher schema = SCHEMA.matcher(jdbcUrl);
    if (postgres && schema.find()) {
      flyway.schemas(schema.group(1)).createSchemas(true);
    }
    Flyway migrations = flyway.load();
    migrations.migrate();
    String migration = migrations.info().current().getVersion().getVersion();
    if (postgres) {
      return new Database(
          null, postgresPool(jdbcUrl, poolSize, retryBudget), retryBudget, migration);
    }
    try {
      Properties properties = new Properties();
      // Otherwise sqlite-jdbc asks for last_insert_rowid() after every INSERT; nothing here reads
      // it.
      properties.setProperty("jdbc.get_generated_keys", "false");
      Connection connection = DriverManager.getConnection(jdbcUrl, properties);
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
      }
      connection.setAutoCommit(false);
      PREPARED.put(connection, new HashMap<>());
      return new Database(connection, null, retryBudget, migration);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot open the database " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  private static HikariDataSource postgresPool(String jdbcUrl, int poolSize, Duration retryBudget) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("guichet");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(poolSize);
    config.setAutoCommit(false);
    // Several nodes write at once: conflicting transactions fail, and are retried.
    config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
    // A sequential scan makes a serializable transaction lock the whole table (its reads then
    // conflict with every other transaction's writes there): on the small tables of a young
    // database the planner prefers one, so index scans are asked for (PostgreSQL's own advice).
    config.setConnectionInitSql(
        "SET lock_timeout = " + LOCK_WAIT.toMillis() + "; SET enable_seqscan = off");
    config.setConnectionTimeout(Math.max(250, retryBudget.toMillis()));
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. On
   * PostgreSQL, a transaction that lost a race with another (on this node or another) is run again
   * after a pause; once the retry budget is spent, or when no connection can be had, the request is
   * refused with 503 {@code unavailable} and {@code Retry-After}.
   */
  <T> T tx(Work<T> work) {
    return tx(null, work);
  }

  /**
   * The same, queued behind the other transactions of {@code queue} (a person, say), on every node:
   * on PostgreSQL, a lock of the connection's session named after it is taken before the
   * transaction begins and released after it ends. The transaction then starts after the one before
   * it committed and sees its work (the person's journal head), instead of failing against it and
   * running again, as serializable transactions on the same rows do. SQLite has one writer anyway.
   */
  <T> T tx(String queue, Work<T> work) {
    if (pool == null) {
      lock.lock();
      try {
        return once(sqlite, work);
      } catch (LostRace e) {
        throw new IllegalStateException("Database error: " + e.getCause().getMessage(), e);
      } finally {
        lock.unlock();
      }
    }
    long deadline = System.nanoTime() + retryBudget.toNanos();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = connection()) {
        return queue == null ? once(c, work) : queued(c, queue, work);
      } catch (LostRace e) {
        long pause = pause(attempt);
        if (System.nanoTime() + pause > deadline) {
          throw unavailable("the database stayed busy");
        }
        LockSupport.parkNanos(pause);
      } catch (SQLException closeFailed) {
        throw new IllegalStateException(
            "Database connection not returned: " + closeFailed.getMessage(), closeFailed);
      }
    }
  }

  /** A transaction that failed because another one won a race: running it again may succeed. */
  private static final class LostRace extends Exception {
    private static final long serialVersionUID = 1L;

    LostRace(SQLException cause) {
      super(cause);
    }
  }

  private <T> T queued(Connection c, String queue, Work<T> work) throws LostRace, SQLException {
    long lock =
        ByteBuffer.wrap(Secrets.sha256Bytes(("guichet-queue|" + queue).getBytes(UTF_8))).getLong();
    once(c, q -> query(q, "SELECT pg_advisory_lock(?)", r -> Boolean.TRUE, lock));
    try {
      return once(c, work);
    } finally {
      try {
        query(c, "SELECT pg_advisory_unlock(?)", r -> Boolean.TRUE, lock);
        c.commit();
      } catch (SQLException e) {
        // A connection that may still hold the lock never serves another request.
        pool.evictConnection(c);
      }
    }
  }

  private static <T> T once(Connection c, Work<T> work) throws LostRace {
    try {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        c.rollback();
        if (lostRace(e)) {
          throw new LostRace(e);
        }
        if (unreachable(e)) {
          throw unavailable("the database cannot be reached");
        }
        throw new IllegalStateException("Database error: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException rollbackFailed) {
      if (unreachable(rollbackFailed)) {
        throw unavailable("the database cannot be reached");
      }
      throw new IllegalStateException(
          "Database rollback failed: " + rollbackFailed.getMessage(), rollbackFailed);
    }
  }

  private Connection connection() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw unavailable("no database connection could be had");
    }
  }

  /**
   * Serialization failure, deadlock, a lock waited for too long, or a key another transaction
   * inserted meanwhile: PostgreSQL's ways of saying that another transaction won.
   */
  private static boolean lostRace(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state)
        || "40P01".equals(state)
        || "55P03".equals(state)
        || "23505".equals(state);
  }

  /** The connection to the database is lost (SQL state class 08). */
  private static boolean unreachable(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  /** Half the growing bound, plus a random part of the other half, in nanoseconds. */
  private static long pause(int attempt) {
    long bound =
        Math.min(LONGEST_PAUSE.toNanos(), FIRST_PAUSE.toNanos() << Math.min(attempt - 1, 20));
    return bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1);
  }

  private static ProblemException unavailable(String why) {
    return new ProblemException(503, UNAVAILABLE, why + "; nothing was done, try again")
        .retryAfter(Duration.ofSeconds(1));
  }

  /** Whether several server nodes may share this database (PostgreSQL). */
  boolean sharedByNodes() {
    return pool != null;
  }

  /** What a readiness check saw: whether the database answered, and had the expected schema. */
  record Readiness(boolean reachable, boolean migrated) {}

  /**
   * Whether the database answers now and has the schema this server migrated to at start: one try,
   * no retry, for the load balancer's readiness check.
   */
  Readiness readiness() {
    Work<Boolean> migrated =
        c ->
            one(
                    c,
                    "SELECT count(*) FROM flyway_schema_history WHERE version = ? AND success = ?",
                    r -> r.getLong(1) > 0,
                    migration,
                    true)
                .orElse(false);
    try {
      if (pool == null) {
        lock.lock();
        try {
          return new Readiness(true, once(sqlite, migrated));
        } finally {
          lock.unlock();
        }
      }
      try (Connection c = pool.getConnection()) {
        return new Readiness(true, once(c, migrated));
      }
    } catch (LostRace | SQLException | RuntimeException e) {
      return new Readiness(false, false);
    }
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    return execute(c, sql, params, PreparedStatement::executeUpdate);
  }

  static <T> List<T> query(Connection c, String sql, RowReader<T> reader, Object... params)
      throws SQLException {
    return execute(
        c,
        sql,
        params,
        s -> {
          List<T> out = new ArrayList<>();
          try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
              out.add(reader.read(rows));
            }
          }
          return out;
        });
  }

  /** What is done with a statement once its parameters are set. */
  @FunctionalInterface
  private interface Execution<R> {
    R run(PreparedStatement s) throws SQLException;
  }

  /**
   * Runs {@code sql} with {@code execution}: the statement goes back to the connection's cache when
   * it worked, and is closed when it failed.
   */
  private static <R> R execute(Connection c, String sql, Object[] params, Execution<R> execution)
      throws SQLException {
    PreparedStatement s = take(c, sql, params);
    R result;
    try {
      result = execution.run(s);
    } catch (SQLException | RuntimeException e) {
      discard(s, e);
      throw e;
    }
    giveBack(c, sql, s);
    return result;
  }

  static <T> Optional<T> one(Connection c, String sql, RowReader<T> reader, Object... params)
      throws SQLException {
    List<T> rows = query(c, sql, reader, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /**
   * The statement for {@code sql} with its parameters set: the connection's prepared one, taken out
   * of the cache while in use (a nested use of the same SQL prepares another), or a new one.
   */
  private static PreparedStatement take(Connection c, String sql, Object... params)
      throws SQLException {
    Map<String, PreparedStatement> cache = PREPARED.get(c);
    PreparedStatement s = cache == null ? null : cache.remove(sql);
    if (s == null) {
      s = c.prepareStatement(sql);
    }
    try {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
    } catch (SQLException | RuntimeException e) {
      discard(s, e);
      throw e;
    }
    return s;
  }

  /**
   * Keeps a statement that ran well for the next use of its SQL, or closes it if its connection
   * keeps none.
   */
  private static void giveBack(Connection c, String sql, PreparedStatement s) throws SQLException {
    Map<String, PreparedStatement> cache = PREPARED.get(c);
    if (cache == null || cache.putIfAbsent(sql, s) != null) {
      s.close();
    }
  }

  /** Closes a statement that failed rather than keeping it. */
  private static void discard(PreparedStatement s, Exception failure) {
    try {
      s.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
      return;
    }
    lock.lock();
    try {
      Map<String, PreparedStatement> statements = PREPARED.remove(sqlite);
      for (PreparedStatement s :
          statements == null ? List.<PreparedStatement>of() : statements.values()) {
        s.close();
      }
      sqlite.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
