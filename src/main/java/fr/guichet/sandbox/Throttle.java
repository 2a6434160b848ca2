package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed attempts per subject (a NIR typed, a mediator, a login typed, a source address), in
 * the database so that every server node sees the same counts, and holds the subject back for a
 * while once there were too many: either a lock for a fixed time ({@link Limit}, identification),
 * or progressive delays that never lock anyone out for good ({@link Delay}, logins).
 *
 * <p>For a {@link Limit}, {@code window_start} is the first failure of the window; for a {@link
 * Delay}, the last failure, after which the count is forgotten once {@link Delay#forget()} passed.
 *
 * <pre>{@code
 * throttle.check(c, "identify-nir:" + hash, "identification-locked"); // throws while locked
 * throttle.fail(c, "identify-nir:" + hash, Throttle.Limit.PERSON);     // after a failure
 * Duration wait = throttle.waitLeft(c, "login:" + hash);               // ZERO when free
 * throttle.reserve(c, "login:" + hash, Throttle.Delay.LOGIN);           // an attempt begins
 * throttle.failed(c, "login:" + hash, Throttle.Delay.LOGIN);            // ... and failed
 * throttle.clear(c, "login:" + hash);                                   // after a success
 * }</pre>
 */
final class Throttle {
  /** How many failures within which window lock a subject, and for how long. */
  record Limit(int failures, Duration window, Duration lockout) {
    static final Limit PERSON = new Limit(5, Duration.ofMinutes(30), Duration.ofMinutes(30));
    static final Limit MEDIATOR = new Limit(10, Duration.ofMinutes(15), Duration.ofMinutes(15));
  }

  /**
   * Progressive delays: after {@code free} failures, the next attempt waits {@code first}, the one
   * after a further failure twice as long, and so on up to {@code max}; the count is forgotten
   * {@code forget} after the last failure. There is no lock: an attempt after the delay is always
   * heard.
   */
  record Delay(int free, Duration first, Duration max, Duration forget) {
    /**
     * A login typed: a distributed guesser gets one try per 30 s at most, the owner in after it.
     */
    static final Delay LOGIN =
        new Delay(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15));

    /**
     * A source address: grows past the login's delay, so that one address cannot keep a login held
     * back; a counter shared by a whole office gets 5 mistakes before any wait.
     */
    static final Delay ADDRESS =
        new Delay(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

    /** The wait before the attempt that follows the {@code failures}-th failure. */
    Duration after(long failures) {
      if (failures < free) {
        return Duration.ZERO;
      }
      long doublings = Math.min(failures - free, 30);
      Duration wait = first.multipliedBy(1L << doublings);
      return wait.compareTo(max) > 0 ? max : wait;
    }
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

  /**
   * How long the subject must still wait before its next attempt; {@link Duration#ZERO} if none.
   */
  Duration waitLeft(Connection c, String subject) throws SQLException {
    Instant now = clock.instant();
    return Database.one(
            c, "SELECT locked_until FROM throttle WHERE subject = ?", r -> r.getString(1), subject)
        .map(Instant::parse)
        .filter(now::isBefore)
        .map(until -> Duration.between(now, until))
        .orElse(Duration.ZERO);
  }

  /**
   * An attempt begins: once past the free failures it takes the next slot at once, so that attempts
   * sent together are not all heard in the same slot; a success clears it.
   */
  void reserve(Connection c, String subject, Delay delay) throws SQLException {
    long failures = recentFailures(c, subject, delay);
    if (failures >= delay.free()) {
      Database.update(
          c,
          "UPDATE throttle SET locked_until = ? WHERE subject = ?",
          clock.instant().plus(delay.after(failures + 1)).toString(),
          subject);
    }
  }

  /** An attempt failed: one more failure, and the wait before the next attempt. */
  void failed(Connection c, String subject, Delay delay) throws SQLException {
    Instant now = clock.instant();
    long failures = recentFailures(c, subject, delay) + 1;
    Duration wait = delay.after(failures);
    String until = wait.isZero() ? null : now.plus(wait).toString();
    if (Database.update(
            c,
            "UPDATE throttle SET failures = ?, window_start = ?, locked_until = ? WHERE subject = ?",
            failures,
            now.toString(),
            until,
            subject)
        == 0) {
      Database.update(
          c,
          "INSERT INTO throttle (subject, failures, window_start, locked_until) VALUES (?, ?, ?, ?)",
          subject,
          failures,
          now.toString(),
          until);
    }
  }

  /** The failures counted for a subject under a delay, 0 once forgotten. */
  private long recentFailures(Connection c, String subject, Delay delay) throws SQLException {
    Instant now = clock.instant();
    record Row(long failures, Instant last) {}
    return Database.one(
            c,
            "SELECT failures, window_start FROM throttle WHERE subject = ?",
            r -> new Row(r.getLong(1), Instant.parse(r.getString(2))),
            subject)
        .filter(row -> !now.isAfter(row.last().plus(delay.forget())))
        .map(Row::failures)
        .orElse(0L);
  }

  void clear(Connection c, String subject) throws SQLException {
    Database.update(c, "DELETE FROM throttle WHERE subject = ?", subject);
  }
}
