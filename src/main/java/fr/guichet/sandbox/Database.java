package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * The reference server's storage: one JDBC connection (SQLite file by default, PostgreSQL by URL),
 * migrated by Flyway at start, used one transaction at a time.
 *
 * <p>Why one connection: SQLite allows one writer anyway, and serialising transactions makes the
 * per-person journal chain trivially consistent. Each transaction is short (no network inside, no
 * signing: see {@link Receipts}), and its statements are prepared once per connection and reused:
 * preparing was a third of SQLite's time under load.
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

  private static final int ATTEMPTS = 5;
  private static final Pattern SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");

  /**
   * The prepared statements of each open database's connection, by SQL text; used under its lock
   * only.
   */
  private static final Map<Connection, Map<String, PreparedStatement>> PREPARED =
      new ConcurrentHashMap<>();

  private final Connection connection;
  private final boolean postgres;
  // Not fair: under load a fair lock costs a hand-over per request (scripts/bench measured 8,840
  // waits in 25 s).
  private final ReentrantLock lock = new ReentrantLock();

  private Database(Connection connection, boolean postgres) {
    this.connection = connection;
    this.postgres = postgres;
  }

  /**
   * Opens and migrates a database: {@code jdbc:sqlite:FILE}, or {@code jdbc:postgresql://...} (a
   * {@code currentSchema} parameter names a schema, created if needed).
   */
  static Database open(String jdbcUrl) {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    var flyway =
        Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration");
    Matcher schema = SCHEMA.matcher(jdbcUrl);
    if (postgres && schema.find()) {
      flyway.schemas(schema.group(1)).createSchemas(true);
    }
    flyway.load().migrate();
    try {
      Properties properties = new Properties();
      if (!postgres) {
        // Otherwise sqlite-jdbc asks for last_insert_rowid() after every INSERT; nothing here reads
        // it.
        properties.setProperty("jdbc.get_generated_keys", "false");
      }
      Connection connection = DriverManager.getConnection(jdbcUrl, properties);
      if (postgres) {
        // Several server nodes may share the database: conflicting transactions fail and are
        // retried.
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      } else {
        try (Statement s = connection.createStatement()) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=NORMAL");
          s.execute("PRAGMA foreign_keys=ON");
          s.execute("PRAGMA busy_timeout=5000");
        }
      }
      connection.setAutoCommit(false);
      PREPARED.put(connection, new HashMap<>());
      return new Database(connection, postgres);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot open the database " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. On
   * PostgreSQL, a transaction that lost a race with another node is retried.
   */
  <T> T tx(Work<T> work) {
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException e) {
          connection.rollback();
          if (!(postgres && retryable(e) && attempt < ATTEMPTS)) {
            throw new IllegalStateException("Database error: " + e.getMessage(), e);
          }
        } catch (RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
    } catch (SQLException rollbackFailed) {
      throw new IllegalStateException(
          "Database rollback failed: " + rollbackFailed.getMessage(), rollbackFailed);
    } finally {
      lock.unlock();
    }
  }

  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement s = take(c, sql, params);
    int count;
    try {
      count = s.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      discard(s, e);
      throw e;
    }
    giveBack(c, sql, s);
    return count;
  }

  static <T> List<T> query(Connection c, String sql, RowReader<T> reader, Object... params)
      throws SQLException {
    PreparedStatement s = take(c, sql, params);
    List<T> out = new ArrayList<>();
    try (ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        out.add(reader.read(rows));
      }
    } catch (SQLException | RuntimeException e) {
      discard(s, e);
      throw e;
    }
    giveBack(c, sql, s);
    return out;
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
    lock.lock();
    try {
      Map<String, PreparedStatement> statements = PREPARED.remove(connection);
      for (PreparedStatement s :
          statements == null ? List.<PreparedStatement>of() : statements.values()) {
        s.close();
      }
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
