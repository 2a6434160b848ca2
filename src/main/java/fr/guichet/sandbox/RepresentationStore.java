package fr.guichet.sandbox;

import fr.guichet.contract.Represented;
import fr.guichet.domain.ActingAs;
import fr.guichet.domain.BirthDate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code representation} table: who may act for whom (a parent, the second parent a child's
 * profile is shared with, a tutor, a curator, a caregiver), counted, added and taken away. A
 * parent's link is listed only while the child is a minor.
 *
 * <pre>{@code
 * Optional<String> how = representations.kind(c, representativeId, personId); // "CAREGIVING"
 * representations.add(c, caregiverId, personId, ActingAs.CAREGIVING);
 * }</pre>
 */
final class RepresentationStore {
  /** The people {@code representativeId} may act for on {@code today}, with how. */
  List<Represented> represented(Connection c, String representativeId, LocalDate today)
      throws SQLException {
    return current(
        Database.query(
            c,
            "SELECT p.id, p.first_name, p.last_name, p.birth_date, r.kind, p.birth_date"
                + " FROM representation r JOIN person p ON p.id = r.represented_id"
                + " WHERE r.representative_id = ? AND r.status = 'ACCEPTED' ORDER BY p.birth_date",
            RepresentationStore::read,
            representativeId),
        today);
  }

  /** The people who may act on {@code personId}'s space on {@code today}, with how. */
  List<Represented> representatives(Connection c, String personId, LocalDate today)
      throws SQLException {
    return current(
        Database.query(
            c,
            "SELECT p.id, p.first_name, p.last_name, p.birth_date, r.kind, me.birth_date"
                + " FROM representation r JOIN person p ON p.id = r.representative_id"
                + " JOIN person me ON me.id = r.represented_id"
                + " WHERE r.represented_id = ? AND r.status = 'ACCEPTED' ORDER BY r.kind, p.last_name",
            RepresentationStore::read,
            personId),
        today);
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

  void add(Connection c, String representativeId, String personId, ActingAs kind)
      throws SQLException {
    Database.update(
        c,
        "INSERT INTO representation (id, representative_id, represented_id, kind, status) VALUES (?, ?, ?, ?, ?)",
        "rep-" + UUID.randomUUID(),
        representativeId,
        personId,
        kind.name(),
        "ACCEPTED");
  }

  /** Takes a representative's right of this kind away; false if they had none. */
  boolean remove(Connection c, String representativeId, String personId, ActingAs kind)
      throws SQLException {
    return Database.update(
            c,
            "UPDATE representation SET status = 'REVOKED' WHERE representative_id = ?"
                + " AND represented_id = ? AND kind = ? AND status = 'ACCEPTED'",
            representativeId,
            personId,
            kind.name())
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

  /** A row and the birth date of the person represented, which ends a parent's link at 18. */
  private record Link(Represented who, BirthDate representedBirth) {}

  private static List<Represented> current(List<Link> links, LocalDate today) {
    return links.stream()
        .filter(
            l ->
                !ActingAs.valueOf(l.who().kind()).parental() || l.representedBirth().minorOn(today))
        .map(Link::who)
        .toList();
  }

  private static Link read(ResultSet r) throws SQLException {
    return new Link(
        new Represented(
            r.getString(1),
            r.getString(2),
            r.getString(3),
            BirthDate.fromIso(r.getString(4)).year(),
            r.getString(5)),
        BirthDate.fromIso(r.getString(6)));
  }
}
