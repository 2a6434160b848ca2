package fr.guichet.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code contact_challenge} table: the one-time codes sent to a person's contact, hashed, each
 * good once and for a while.
 *
 * <pre>{@code
 * challenges.insert(c, new Challenge(id, personId, mediatorId, codeHash, expires, null), "EMAIL", now);
 * challenges.markUsed(c, id, now);
 * }</pre>
 */
final class ContactChallengeStore {
  /** A code sent, as stored; {@code used} is null until it is redeemed. */
  record Challenge(
      String id,
      String personId,
      String mediatorId,
      String codeHash,
      Instant expires,
      Instant used) {}

  void insert(Connection c, Challenge ch, String channel, Instant createdAt) throws SQLException {
    Database.update(
        c,
        "INSERT INTO contact_challenge (id, mediator_id, person_id, code_hash, channel, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        ch.id(),
        ch.mediatorId(),
        ch.personId(),
        ch.codeHash(),
        channel,
        createdAt.toString(),
        ch.expires().toString());
  }

  Optional<Challenge> find(Connection c, String id) throws SQLException {
    return Database.one(
        c,
        "SELECT person_id, mediator_id, code_hash, expires_at, used_at FROM contact_challenge WHERE id = ?",
        r ->
            new Challenge(
                id,
                r.getString(1),
                r.getString(2),
                r.getString(3),
                Instant.parse(r.getString(4)),
                r.getString(5) == null ? null : Instant.parse(r.getString(5))),
        id);
  }

  void markUsed(Connection c, String id, Instant at) throws SQLException {
    Database.update(c, "UPDATE contact_challenge SET used_at = ? WHERE id = ?", at.toString(), id);
  }
}
