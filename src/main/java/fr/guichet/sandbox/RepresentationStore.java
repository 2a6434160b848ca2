package fr.guichet.sandbox;

import fr.guichet.contract.Represented;
import fr.guichet.domain.ActingAs;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code representation} table: who may act for whom (parental authority, guardianship,
 * caregiving), counted, added and taken away.
 *
 * <pre>{@code
 * Optional<String> how = representations.kind(c, representativeId, personId); // "CAREGIVING"
 * representations.addCaregiver(c, caregiverId, personId);
 * }</pre>
 */
final class RepresentationStore {
  /** The people {@code representativeId} may act for, with how. */
  List<Represented> represented(Connection c, String representativeId) throws SQLException {
    return Database.query(
        c,
        "SELECT p.id, p.first_name, p.last_name, p.birth_date, r.kind FROM representation r"
            + " JOIN person p ON p.id = r.represented_id"
            + " WHERE r.representative_id = ? AND r.status = 'ACCEPTED' ORDER BY p.birth_date",
        RepresentationStore::read,
        representativeId);
  }

  /** The people who may act on {@code personId}'s space, with how. */
  List<Represented> representatives(Connection c, String personId) throws SQLException {
    return Database.query(
        c,
        "SELECT p.id, p.first_name, p.last_name, p.birth_date, r.kind FROM representation r"
            + " JOIN person p ON p.id = r.representative_id"
            + " WHERE r.represented_id = ? AND r.status = 'ACCEPTED' ORDER BY r.kind, p.last_name",
        RepresentationStore::read,
        personId);
  }

  /** How {@code representativeId} represents {@code personId}, if they do. */
  Optional<String> kind(Connection c, String representativeId, String personId)
      throws SQLException {
    return Database.one(
        c,
        "SELECT kind FROM representation WHERE representative_id = ? AND represented_id = ?"
            + " AND status = 'ACCEPTED'",
        r -> r.getString(1),
        representativeId,
        personId);
  }

  /** How many caregivers help {@code personId}. */
  long caregiversOf(Connection c, String personId) throws SQLException {
    return countCaregiving(c, "represented_id", personId);
  }

  /** How many people {@code caregiverId} helps. */
  long helpedBy(Connection c, String caregiverId) throws SQLException {
    return countCaregiving(c, "representative_id", caregiverId);
  }

  void addCaregiver(Connection c, String caregiverId, String personId) throws SQLException {
    Database.update(
        c,
        "INSERT INTO representation (id, representative_id, represented_id, kind, status) VALUES (?, ?, ?, ?, ?)",
        "rep-" + UUID.randomUUID(),
        caregiverId,
        personId,
        ActingAs.CAREGIVING.name(),
        "ACCEPTED");
  }

  /** Takes a caregiver's access away; false if they had none. */
  boolean removeCaregiver(Connection c, String caregiverId, String personId) throws SQLException {
    return Database.update(
            c,
            "UPDATE representation SET status = 'REVOKED' WHERE representative_id = ?"
                + " AND represented_id = ? AND kind = ? AND status = 'ACCEPTED'",
            caregiverId,
            personId,
            ActingAs.CAREGIVING.name())
        > 0;
  }

  private static long countCaregiving(Connection c, String column, String personId)
      throws SQLException {
    return Database.one(
            c,
            "SELECT count(*) FROM representation WHERE "
                + column
                + " = ? AND kind = ? AND status = 'ACCEPTED'",
            r -> r.getLong(1),
            personId,
            ActingAs.CAREGIVING.name())
        .orElse(0L);
  }

  private static Represented read(java.sql.ResultSet r) throws SQLException {
    return new Represented(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        LocalDate.parse(r.getString(4)).getYear(),
        r.getString(5));
  }
}
