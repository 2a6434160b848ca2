package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed attempts per subject (a login typed, a person, a mediator) within a window, and
 * locks the subject for a while once there were too many.
 *
 * <pre>{@code
 * throttle.check(c, "login:" + hash, "login-locked");          // throws while locked
 * throttle.fail(c, "login:" + hash, Throttle.Limit.LOGIN);      // after a failure
 * throttle.clear(c, "login:" + hash);                           // after a success
 * }</pre>
 */
final class Throttle {
  /** How many failures within which window lock a subject, and for how long. */
  record Limit(int failures, Duration window, Duration lockout) {
    static final Limit LOGIN = new Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    static final Limit PERSON = new Limit(5, Duration.ofMinutes(30), Duration.ofMinutes(30));
    static final Limit MEDIATOR = new Limit(10, Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  private final Clock clock;

  Throttle(Clock clock) {
    this.clock = clock;
  }

  /** Throws {@code slug} (429) while the subject is locked. */
  void check(Connection c, String subject, String slug) throws SQLException {
    Optional<Instant> until =
        Database.one(
                c,
                "SELECT locked_until FROM throttle WHERE subject = ?",
                r -> r.getString(1),
                subject)
            .map(Instant::parse);
    if (until.isPresent() && until.get().isAfter(clock.instant())) {
      long minutes = Math.max(1, Duration.between(clock.instant(), until.get()).toMinutes() + 1);
      throw new ProblemException(
          429, slug, "too many failed attempts", java.util.Map.of("minutes", minutes));
    }
  }

  void fail(Connection c, String subject, Limit limit) throws SQLException {
    Instant now = clock.instant();
    record Row(long failures, Instant windowStart) {}
    Optional<Row> row =
        Database.one(
            c,
            "SELECT failures, window_start FROM throttle WHERE subject = ?",
            r -> new Row(r.getLong(1), Instant.parse(r.getString(2))),
            subject);
    boolean fresh = row.isEmpty() || now.isAfter(row.get().windowStart().plus(limit.window()));
    long failures = fresh ? 1 : row.get().failures() + 1;
    Instant windowStart = fresh ? now : row.get().windowStart();
    String locked = failures >= limit.failures() ? now.plus(limit.lockout()).toString() : null;
    if (row.isEmpty()) {
      Database.update(
          c,
          "INSERT INTO throttle (subject, failures, window_start, locked_until) VALUES (?, ?, ?, ?)",
          subject,
          failures,
          windowStart.toString(),
          locked);
    } else {
      Database.update(
          c,
          "UPDATE throttle SET failures = ?, window_start = ?, locked_until = ? WHERE subject = ?",
          failures,
          windowStart.toString(),
          locked,
          subject);
    }
  }

  void clear(Connection c, String subject) throws SQLException {
    Database.update(c, "DELETE FROM throttle WHERE subject = ?", subject);
  }
}
