package fr.guichet.sandbox;

import fr.guichet.contract.OutboxMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code outbox} table: the messages the reference server "sends" (it sends nothing), so that a
 * demo or a test can read the code a person would have received. Each message remembers the
 * structure of the mediator who had it sent: only that structure's manager reads it.
 *
 * <pre>{@code
 * outbox.insert(c, personId, structureId, "SMS", "06 12 34 56 78", "Mon Espace Santé : votre code est ...", now);
 * List<OutboxMessage> sent = outbox.newestFirst(c, structureId);
 * }</pre>
 */
final class OutboxStore {
  void insert(
      Connection c,
      String personId,
      String structureId,
      String channel,
      String destination,
      String body,
      Instant at)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO outbox (id, person_id, structure_id, channel, destination, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        "out-" + UUID.randomUUID(),
        personId,
        structureId,
        channel,
        destination,
        body,
        at.toString());
  }

  /** The messages a structure's mediators had sent, newest first. */
  List<OutboxMessage> newestFirst(Connection c, String structureId) throws SQLException {
    return Database.query(
        c,
        "SELECT person_id, channel, destination, body, created_at FROM outbox"
            + " WHERE structure_id = ? ORDER BY created_at DESC",
        r ->
            new OutboxMessage(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                Instant.parse(r.getString(5))),
        structureId);
  }
}
