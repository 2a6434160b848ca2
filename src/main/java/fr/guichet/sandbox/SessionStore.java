package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code mediator_session} table: mediators' sessions, found by the hash of their token,
 * extended by each request, ended by a logout.
 *
 * <pre>{@code
 * sessions.open(c, Secrets.sha256(token), mediatorId, now, now.plus(idle));
 * Optional<Session> s = sessions.find(c, Secrets.sha256(token));
 * }</pre>
 */
final class SessionStore {
  /**
   * A session with its mediator, their structure and role.
   *
   * @param ended null while the session is open
   */
  record Session(
      String mediatorId,
      String structureId,
      String structureName,
      String name,
      Instant expires,
      Instant ended,
      String role) {}

  private static final Duration EXTENSION_STEP = Duration.ofMinutes(1);

  void open(Connection c, String tokenHash, String mediatorId, Instant at, Instant expires)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO mediator_session (token_hash, mediator_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        tokenHash,
        mediatorId,
        at.toString(),
        expires.toString());
  }

  Optional<Session> find(Connection c, String tokenHash) throws SQLException {
    return Database.one(
        c,
        "SELECT m.id, m.structure_id, st.name, m.display_name, ms.expires_at, ms.ended_at, m.role FROM mediator_session ms"
            + " JOIN mediator m ON m.id = ms.mediator_id JOIN structure st ON st.id = m.structure_id WHERE ms.token_hash = ?",
        r ->
            new Session(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                Instant.parse(r.getString(5)),
                r.getString(6) == null ? null : Instant.parse(r.getString(6)),
                r.getString(7)),
        tokenHash);
  }

  /**
   * Moves the session's end to {@code until}, once it would move by a minute or more: the requests
   * of one sitting, on every server node, do not all write the same row (on PostgreSQL, concurrent
   * writes of a row make all but one transaction run again).
   */
  void extend(Connection c, String tokenHash, Instant until) throws SQLException {
    Database.update(
        c,
        "UPDATE mediator_session SET expires_at = ? WHERE token_hash = ? AND expires_at < ?",
        until.toString(),
        tokenHash,
        until.minus(EXTENSION_STEP).toString());
  }

  /** Ends a session; ending it again changes nothing. */
  void end(Connection c, String tokenHash, Instant at) throws SQLException {
    Database.update(
        c,
        "UPDATE mediator_session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
        at.toString(),
        tokenHash);
  }
}
