package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * The reference server's storage: one JDBC connection (SQLite file by default, PostgreSQL by URL),
 * migrated by Flyway at start, used one transaction at a time.
 *
 * <p>Why one connection: SQLite allows one writer anyway, and serialising transactions makes the
 * per-person journal chain trivially consistent. Each transaction is short (no network inside).
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

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock(true);

  private Database(Connection connection) {
    this.connection = connection;
  }

  static Database open(String jdbcUrl) {
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try {
      Connection connection = DriverManager.getConnection(jdbcUrl);
      if (jdbcUrl.startsWith("jdbc:sqlite:")) {
        try (Statement s = connection.createStatement()) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=NORMAL");
          s.execute("PRAGMA foreign_keys=ON");
          s.execute("PRAGMA busy_timeout=5000");
        }
      }
      connection.setAutoCommit(false);
      return new Database(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the database " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  <T> T tx(Work<T> work) {
    lock.lock();
    try {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        if (e instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("Database error: " + e.getMessage(), e);
      }
    } catch (SQLException rollbackFailed) {
      throw new IllegalStateException("Database rollback failed: " + rollbackFailed.getMessage(), rollbackFailed);
    } finally {
      lock.unlock();
    }
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    }
  }

  static <T> List<T> query(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params); ResultSet rows = s.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rows.next()) {
        out.add(reader.read(rows));
      }
      return out;
    }
  }

  static <T> Optional<T> one(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
    List<T> rows = query(c, sql, reader, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
